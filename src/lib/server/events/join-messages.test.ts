import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../i18n/messages';
import { describeWait, type DelayRule } from '../auth/rate-limit';
import { createTestDatabase } from '../db/test-database';
import { parseForm } from '../http/forms';
import { createEvent, listWorkingGroups } from './events';
import { ParticipantProfileForm, ReentryForm } from './forms';
import { NewParticipantLimit } from './join-rate';
import {
	codeLookupMessage,
	parseProfileForm,
	parseReentryForm,
	profileRefusalMessage,
	rejoinMessage,
	tooManyJoinsMessage,
	waitInMs
} from './join-messages';
import { lookUpJoinCode, rejoinByCode } from './joining';
import { checkProfile } from './profile';

const de = messagesFor('de');
const rule: DelayRule = {
	freeFailures: 0,
	forgetOneEveryMs: 60_000,
	firstDelayMs: 1_000,
	maxDelayMs: 8_000
};

function conference(
	db: ReturnType<typeof createTestDatabase>,
	options: Pick<Parameters<typeof createEvent>[1], 'asksAffiliation' | 'workingGroups'>
) {
	return createEvent(db, {
		title: 'Konferenz',
		date: '2026-03-04',
		place: '',
		description: '',
		agenda: [],
		createdBy: null,
		...options
	});
}

function form(fields: Record<string, string>) {
	const data = new FormData();
	for (const [key, value] of Object.entries(fields)) data.append(key, value);
	return data;
}

describe('the join messages in German', () => {
	it('say the waits as describeWait does', () => {
		for (const ms of [1, 1_000, 1_001, 30_000, 59_000, 60_000, 61_000, 120_000, 3_600_000]) {
			expect(waitInMs(de, ms)).toBe(describeWait(ms));
		}
	});

	it('say what lookUpJoinCode and rejoinByCode say', () => {
		const db = createTestDatabase();
		const found = conference(db, { asksAffiliation: false, workingGroups: [] });
		const t0 = new Date('2026-03-04T09:00:00Z');
		for (const lookup of [
			lookUpJoinCode(db, 'x', '10.0.0.1', rule, t0),
			lookUpJoinCode(db, 'ZZZ999', '10.0.0.1', rule, t0),
			lookUpJoinCode(db, 'ZZZ998', '10.0.0.1', rule, t0)
		]) {
			if (lookup.kind === 'found') throw new Error('found');
			expect(codeLookupMessage(de, lookup)).toBe(lookup.message);
		}
		for (const result of [
			rejoinByCode(db, found.id, 'ABCDEFGH', '10.0.0.2', rule, t0),
			rejoinByCode(db, found.id, 'ABCDEFGH', '10.0.0.2', rule, t0)
		]) {
			if (result.kind === 'joined') throw new Error('joined');
			expect(rejoinMessage(de, result)).toBe(result.message);
		}
	});

	it('say what NewParticipantLimit says', () => {
		const limit = new NewParticipantLimit({ burst: 1, perSecond: 1 / 30 });
		const other = new NewParticipantLimit({ burst: 1, perSecond: 1 / 30 });
		limit.take('192.0.2.1', 0);
		other.take('192.0.2.1', 0);
		const said = limit.take('192.0.2.1', 0);
		expect(tooManyJoinsMessage(de, other.takeOrWait('192.0.2.1', 0))).toBe(said);
	});

	it('say what the profile forms and checkProfile say', () => {
		for (const fields of [
			{ displayName: 'x'.repeat(61) } as Record<string, string>,
			{ displayName: 'a\u0007b' },
			{ displayName: 'Ada', organisationType: 'kirche' }
		]) {
			const ours = parseProfileForm(de, form(fields));
			const theirs = parseForm(ParticipantProfileForm, form(fields));
			expect(ours.ok).toBe(false);
			expect(!ours.ok && ours.message).toBe(!theirs.ok && theirs.message);
		}
		for (const code of ['', '   ', 'A'.repeat(17)]) {
			const ours = parseReentryForm(de, form({ reentryCode: code }));
			const theirs = v.safeParse(ReentryForm, { reentryCode: code });
			expect(!ours.ok && ours.message).toBe(!theirs.success && theirs.issues[0].message);
		}
		const db = createTestDatabase();
		const found = conference(db, {
			asksAffiliation: true,
			workingGroups: [{ title: 'AG 1', question: '' }]
		});
		const base = {
			displayName: '',
			workingGroupId: '',
			affiliationOrganisationId: '',
			organisationType: ''
		} as const;
		const noGroup = checkProfile(db, found, base);
		expect(!noGroup.ok && profileRefusalMessage(de, noGroup.reason)).toBe(
			!noGroup.ok && noGroup.message
		);
		const [group] = listWorkingGroups(db, found.id);
		const badPlace = checkProfile(db, found, {
			...base,
			workingGroupId: group.id,
			affiliationOrganisationId: 'nirgends'
		});
		expect(!badPlace.ok && badPlace.reason).toBe('affiliation');
		expect(!badPlace.ok && profileRefusalMessage(de, badPlace.reason)).toBe(
			!badPlace.ok && badPlace.message
		);
	});
});
