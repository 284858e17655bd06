import { describe, expect, it } from 'vitest';
import { NewCardLimits } from './card-limits';
import type { CommandAuthor } from './commands';
import { onBoard } from '../policy-fixture';

function author(key: string, moderator = false): CommandAuthor {
	return onBoard(
		{
			key,
			kind: 'participant',
			moderator,
			displayName: null,
			affiliationOrganisationId: null,
			organisationType: null
		},
		'event'
	);
}

describe('NewCardLimits', () => {
	const rates = {
		perAuthor: { burst: 3, perSecond: 3 / 60 },
		perBoardAndAddress: { burst: 5, perSecond: 1 }
	};

	it('lets one participant write a few cards at once, then one every so often', () => {
		const limits = new NewCardLimits(rates);
		const anna = author('anna');
		for (let i = 0; i < 3; i++) expect(limits.take(anna, 'b', '10.0.0.1', 0)).toBeNull();
		expect(limits.take(anna, 'b', '10.0.0.1', 0)).toEqual({
			message: 'Sie haben gerade sehr viele Karten geschrieben. Bitte warten Sie 20 Sekunden.',
			code: 'wait_author',
			params: { seconds: 20 }
		});
		expect(limits.take(anna, 'b', '10.0.0.1', 20_000)).toBeNull();
	});

	it('slows a flood onto one board from one address, and nobody else', () => {
		const limits = new NewCardLimits(rates);
		for (let i = 0; i < 5; i++) expect(limits.take(author(`p${i}`), 'b', '10.0.0.1', 0)).toBeNull();
		expect(limits.take(author('p5'), 'b', '10.0.0.1', 0)).toEqual({
			message:
				'Auf dieser Pinnwand entstehen gerade sehr viele Karten aus Ihrem Netz. Bitte versuchen Sie es in 1 Sekunde noch einmal.',
			code: 'wait_address',
			params: { seconds: 1 }
		});
		// Another board, another address: not held up.
		expect(limits.take(author('p5'), 'c', '10.0.0.1', 0)).toBeNull();
		expect(limits.take(author('p6'), 'b', '10.0.0.2', 0)).toBeNull();
	});

	it('takes nothing from a participant whose card the board refused', () => {
		const limits = new NewCardLimits({
			...rates,
			perBoardAndAddress: { burst: 1, perSecond: 0.001 }
		});
		expect(limits.take(author('a'), 'b', '10.0.0.1', 0)).toBeNull();
		const ben = author('ben');
		for (let i = 0; i < 5; i++) expect(limits.take(ben, 'b', '10.0.0.1', 0)).not.toBeNull();
		// Ben's own budget is untouched: three cards, then his own limit.
		for (const address of ['10.0.0.2', '10.0.0.3', '10.0.0.4']) {
			expect(limits.take(ben, 'b', address, 0)).toBeNull();
		}
		expect(limits.take(ben, 'b', '10.0.0.5', 0)?.message).toMatch(/^Sie haben gerade/);
	});

	it('never limits the moderation', () => {
		const limits = new NewCardLimits(rates);
		for (let i = 0; i < 50; i++)
			expect(limits.take(author('mod', true), 'b', '10.0.0.1', 0)).toBeNull();
	});
});
