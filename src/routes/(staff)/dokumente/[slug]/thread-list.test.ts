import type { ActionResult } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { failedText, failureText } from './action-failure';
import { inTextOrder } from './thread-list.svelte';

describe('the side panel lists', () => {
	it('order threads by their words in the text, those without words last and oldest first', () => {
		const ranges = new Map([
			['b', { from: 5, to: 9 }],
			['c', { from: 1, to: 3 }]
		]);
		const items = [
			{ id: 'gone-new', createdAt: 30 },
			{ id: 'b', createdAt: 10 },
			{ id: 'gone-old', createdAt: 20 },
			{ id: 'c', createdAt: 40 }
		];
		expect(inTextOrder(items, ranges).map((i) => i.id)).toEqual(['c', 'b', 'gone-old', 'gone-new']);
	});

	it('say the server’s reason for a refusal, and a general message otherwise', () => {
		const refused: ActionResult = {
			type: 'failure',
			status: 400,
			data: { message: 'Bitte schreiben Sie eine Antwort.' }
		};
		expect(failureText(refused)).toBe('Bitte schreiben Sie eine Antwort.');
		expect(failureText({ type: 'failure', status: 400 })).toBe(failedText);
		expect(failureText({ type: 'error', error: new Error('weg') })).toBe(failedText);
	});
});
