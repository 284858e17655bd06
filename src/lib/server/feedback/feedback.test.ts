import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db/test-database';
import {
	countFeedback,
	FeedbackForm,
	feedbackRule,
	listFeedback,
	submitFeedback
} from './feedback';

const report = {
	message: 'Der Knopf „Senden“ ist mit dem Screenreader stumm.',
	page: null,
	contact: null
};

describe('FeedbackForm', () => {
	it('needs a description, trims it and keeps optional fields empty as null', () => {
		expect(v.safeParse(FeedbackForm, { message: '  ' }).success).toBe(false);
		expect(v.safeParse(FeedbackForm, {}).issues?.[0].message).toBe(
			'Bitte geben Sie eine Beschreibung der Barriere an.'
		);
		const parsed = v.parse(FeedbackForm, {
			message: ' Zu wenig Kontrast ',
			page: ' ',
			contact: ''
		});
		expect(parsed).toEqual({ message: 'Zu wenig Kontrast', page: null, contact: null });
	});

	it('takes a description over several lines and refuses control characters', () => {
		expect(v.parse(FeedbackForm, { message: 'Erstens: Kontrast.\r\nZweitens: Fokus.' })).toEqual({
			message: 'Erstens: Kontrast.\nZweitens: Fokus.',
			page: null,
			contact: null
		});
		expect(v.safeParse(FeedbackForm, { message: 'Kontrast\u202e' }).issues?.[0].message).toBe(
			'Bitte beschreiben Sie die Barriere ohne Steuerzeichen.'
		);
		expect(v.safeParse(FeedbackForm, { message: 'ok', page: '/\u0000' }).success).toBe(false);
		expect(v.safeParse(FeedbackForm, { message: 'ok', contact: 'a\nb' }).success).toBe(false);
	});

	it('refuses overlong input with a German message', () => {
		const result = v.safeParse(FeedbackForm, { message: 'x'.repeat(4001) });
		expect(result.success).toBe(false);
		expect(result.issues?.[0].message).toContain('höchstens 4000 Zeichen');
		expect(v.safeParse(FeedbackForm, { message: 'ok', contact: 'x'.repeat(301) }).success).toBe(
			false
		);
	});
});

describe('submitFeedback', () => {
	it('stores reports for the admins, newest first', () => {
		const db = createTestDatabase();
		const now = new Date('2026-11-30T10:00:00Z');
		submitFeedback(db, report, { address: '10.0.0.1' }, now);
		submitFeedback(
			db,
			{ message: 'Die Karte hat keine Textalternative.', page: '/beschluesse', contact: 'a@b.de' },
			{ address: '10.0.0.2' },
			new Date(now.getTime() + 1000)
		);
		expect(listFeedback(db).map((r) => r.message)).toEqual([
			'Die Karte hat keine Textalternative.',
			report.message
		]);
	});

	it('stops one address after the limit, for a while, and stores nothing more', () => {
		const db = createTestDatabase();
		const now = new Date('2026-11-30T10:00:00Z');
		for (let i = 0; i <= feedbackRule.freeFailures; i++) {
			expect(submitFeedback(db, report, { address: '10.0.0.9' }, now).ok).toBe(true);
		}
		const refused = submitFeedback(db, report, { address: '10.0.0.9' }, now);
		expect(refused).toMatchObject({ ok: false, status: 429 });
		expect(countFeedback(db)).toBe(feedbackRule.freeFailures + 1);
		// Others are not affected; the address may send again after the lock.
		expect(submitFeedback(db, report, { address: '10.0.0.10' }, now).ok).toBe(true);
		const later = new Date(now.getTime() + feedbackRule.maxDelayMs + 1);
		expect(submitFeedback(db, report, { address: '10.0.0.9' }, later).ok).toBe(true);
	});
});
