import { readdirSync, readFileSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { participantLocales } from '$lib/i18n/locales';
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
	waitText
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

function form(fields: Record<string, string>) {
	const data = new FormData();
	for (const [key, value] of Object.entries(fields)) data.append(key, value);
	return data;
}

describe('the join messages in German', () => {
	it('say the waits as describeWait does', () => {
		for (const ms of [1, 1_000, 1_001, 30_000, 59_000, 60_000, 61_000, 120_000, 3_600_000]) {
			expect(waitText(de, ms)).toBe(describeWait(ms));
		}
	});

	it('say what lookUpJoinCode and rejoinByCode say', () => {
		const db = createTestDatabase();
		const found = createEvent(db, {
			title: 'Konferenz',
			date: '2026-03-04',
			place: '',
			description: '',
			agenda: [],
			asksAffiliation: false,
			workingGroups: [],
			createdBy: null
		});
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
		const found = createEvent(db, {
			title: 'Konferenz',
			date: '2026-03-04',
			place: '',
			description: '',
			agenda: [],
			asksAffiliation: true,
			workingGroups: [{ title: 'AG 1', question: '' }],
			createdBy: null
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

describe('the join message files', () => {
	const dir = 'messages/join';
	const files = Object.fromEntries(
		readdirSync(dir)
			.filter((name) => name.endsWith('.json'))
			.map((name) => [name.slice(0, -5), JSON.parse(readFileSync(`${dir}/${name}`, 'utf8'))])
	) as Record<string, Record<string, unknown>>;
	const placeholders = (value: unknown): string[] =>
		[...new Set(JSON.stringify(value).match(/\{[a-z]+\}/gi) ?? [])].sort();

	it('exist for every language, with the same keys and placeholders', () => {
		expect(Object.keys(files).sort()).toEqual([...participantLocales].sort());
		const keys = Object.keys(files.de).sort();
		for (const [locale, messages] of Object.entries(files)) {
			expect(Object.keys(messages).sort(), locale).toEqual(keys);
			for (const key of keys) {
				if (Array.isArray(files.de[key])) continue;
				expect(placeholders(messages[key]), `${locale} ${key}`).toEqual(
					placeholders(files.de[key])
				);
			}
		}
	});

	it('name every plural category of the language', () => {
		for (const [locale, messages] of Object.entries(files)) {
			const categories = new Intl.PluralRules(locale === 'de-x-es' ? 'de' : locale)
				.resolvedOptions()
				.pluralCategories.map((c) => `countPlural=${c}`)
				.sort();
			for (const [key, value] of Object.entries(messages)) {
				if (!Array.isArray(value)) continue;
				expect(Object.keys(value[0].match).sort(), `${locale} ${key}`).toEqual(categories);
			}
		}
	});
});
