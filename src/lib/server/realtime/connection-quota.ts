// How many live connections one person and one address may hold. A person opens a document in
// a few tabs, not in 250; a hall of phones shares one address, but not without bound. Both
// refusals close with 1008 rather than 4400–4499: the cause goes away by itself (a tab is
// closed, a dead connection is noticed), so the client may come back after its pause.
import type { Actor } from '../policy';
import { closeReasons } from '../../live/close-reasons';

export interface ConnectionQuotaLimits {
	perPerson: number;
	perAddress: number;
}

export interface Claim {
	/** The address key (see addressKey). */
	address: string;
	actor: Actor;
	/** What the connection is to: its channel and the ids in its path (see pathKey). */
	target: string;
}

export type Admission =
	{ ok: true; release: () => void } | { ok: false; code: number; reason: string };

/** Close code of both refusals: policy, outside 4400–4499 so that clients try again later. */
export const connectionRefusedCode = 1008;

export const tooManyForPersonReason = closeReasons.tooManyForPerson;
export const tooManyForAddressReason = closeReasons.tooManyForAddress;

function personOf(actor: Actor): string | null {
	if (actor.kind === 'member') return `mitglied:${actor.userId}`;
	if (actor.kind === 'participant') return `teilnahme:${actor.participantId}`;
	return null;
}

export class ConnectionQuota {
	readonly #perAddress = new Map<string, number>();
	readonly #perPerson = new Map<string, number>();

	constructor(readonly limits: ConnectionQuotaLimits) {}

	/** Counts the connection in, or says why not; release() when it closes. */
	admit(claim: Claim): Admission {
		const person = personOf(claim.actor);
		const personKey = person === null ? null : `${person} ${claim.target}`;
		if (personKey !== null && (this.#perPerson.get(personKey) ?? 0) >= this.limits.perPerson) {
			return { ok: false, code: connectionRefusedCode, reason: tooManyForPersonReason };
		}
		if ((this.#perAddress.get(claim.address) ?? 0) >= this.limits.perAddress) {
			return { ok: false, code: connectionRefusedCode, reason: tooManyForAddressReason };
		}
		increment(this.#perAddress, claim.address);
		if (personKey !== null) increment(this.#perPerson, personKey);
		let released = false;
		return {
			ok: true,
			release: () => {
				if (released) return;
				released = true;
				decrement(this.#perAddress, claim.address);
				if (personKey !== null) decrement(this.#perPerson, personKey);
			}
		};
	}

	/** Keys counted now (for tests: nothing is kept for closed connections). */
	get size(): number {
		return this.#perAddress.size + this.#perPerson.size;
	}
}

function increment(counts: Map<string, number>, key: string) {
	counts.set(key, (counts.get(key) ?? 0) + 1);
}

function decrement(counts: Map<string, number>, key: string) {
	const left = (counts.get(key) ?? 0) - 1;
	if (left > 0) counts.set(key, left);
	else counts.delete(key);
}
