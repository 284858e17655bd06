import { describe, expect, it } from 'vitest';
import type { Actor } from '../policy';
import {
	ConnectionQuota,
	tooManyForAddressReason,
	tooManyForPersonReason,
	type Admission
} from './connection-quota';

const emil: Actor = { kind: 'member', userId: 'emil', admin: false, memberships: [] };
const vera: Actor = { kind: 'member', userId: 'vera', admin: false, memberships: [] };
const phone: Actor = { kind: 'participant', participantId: 'p1', eventId: 'e' };
const anonymous: Actor = { kind: 'anonymous' };

function admitted(admission: Admission) {
	if (!admission.ok) throw new Error(admission.reason);
	return admission;
}

describe('ConnectionQuota', () => {
	it('lets a person open a resource in as many tabs as allowed, and not one more', () => {
		const quota = new ConnectionQuota({ perPerson: 3, perAddress: 100 });
		const claim = { address: '10.0.0.1', actor: emil, target: 'collab/document/d1' };
		const tabs = [1, 2, 3].map(() => admitted(quota.admit(claim)));
		expect(quota.admit(claim)).toEqual({
			ok: false,
			code: 1008,
			reason: tooManyForPersonReason
		});
		// Others, and the same person elsewhere, are not affected.
		expect(quota.admit({ ...claim, actor: vera }).ok).toBe(true);
		expect(quota.admit({ ...claim, target: 'collab/comments/d1' }).ok).toBe(true);
		// A closed tab makes room.
		tabs[0].release();
		expect(quota.admit(claim).ok).toBe(true);
	});

	it('counts participants by their identity', () => {
		const quota = new ConnectionQuota({ perPerson: 1, perAddress: 100 });
		const claim = { address: '10.0.0.1', actor: phone, target: 'collab/board/b1' };
		admitted(quota.admit(claim));
		expect(quota.admit(claim).ok).toBe(false);
	});

	it('caps an address over every channel and person', () => {
		const quota = new ConnectionQuota({ perPerson: 8, perAddress: 4 });
		const actors = [emil, vera, phone, anonymous];
		for (const [i, actor] of actors.entries()) {
			admitted(quota.admit({ address: '10.0.0.1', actor, target: `collab/x/${i}` }));
		}
		expect(quota.admit({ address: '10.0.0.1', actor: anonymous, target: 'collab/echo' })).toEqual({
			ok: false,
			code: 1008,
			reason: tooManyForAddressReason
		});
		expect(quota.admit({ address: '10.0.0.2', actor: emil, target: 'collab/x/0' }).ok).toBe(true);
	});

	it('counts a connection released twice out once', () => {
		const quota = new ConnectionQuota({ perPerson: 2, perAddress: 10 });
		const claim = { address: '10.0.0.1', actor: emil, target: 'collab/document/d1' };
		const first = admitted(quota.admit(claim));
		admitted(quota.admit(claim));
		first.release();
		first.release();
		expect(quota.admit(claim).ok).toBe(true);
		expect(quota.admit(claim).ok).toBe(false);
	});

	it('leaves nothing behind', () => {
		const quota = new ConnectionQuota({ perPerson: 2, perAddress: 2 });
		const claim = { address: '10.0.0.1', actor: emil, target: 'collab/document/d1' };
		admitted(quota.admit(claim)).release();
		expect(quota.size).toBe(0);
	});

	it('has close reasons that fit a close frame', () => {
		for (const reason of [tooManyForPersonReason, tooManyForAddressReason]) {
			expect(Buffer.byteLength(reason)).toBeLessThanOrEqual(123);
		}
	});
});
