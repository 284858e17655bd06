import { describe, expect, it } from 'vitest';
import { mentionedIds, mentionQuery, mentionSegments, mentionSuggestions } from './mentions';

const anna = { id: 'anna', name: 'Anna Schmidt' };
const annaM = { id: 'anna-m', name: 'Anna Müller' };
const jürgen = { id: 'juergen', name: 'Jürgen Özdemir-Weiß' };
const bernd = { id: 'bernd', name: 'Bernd' };
const people = [anna, annaM, jürgen, bernd];

describe('mentionedIds', () => {
	it('finds full names with spaces, umlauts and hyphens, in any case', () => {
		expect(mentionedIds('Bitte prüfen, @Anna Schmidt und @jürgen özdemir-weiß!', people)).toEqual([
			'anna',
			'juergen'
		]);
	});

	it('takes the longest name that stands after the @', () => {
		const people = [bernd, { id: 'bernd-k', name: 'Bernd Kaiser' }];
		expect(mentionedIds('@Bernd Kaiser, bitte', people)).toEqual(['bernd-k']);
		expect(mentionedIds('@Bernd, bitte', people)).toEqual(['bernd']);
	});

	it('accepts a first name only one person has', () => {
		expect(mentionedIds('Danke @Jürgen.', people)).toEqual(['juergen']);
	});

	it('mentions nobody when a name is ambiguous', () => {
		expect(mentionedIds('@Anna, was meinen Sie?', people)).toEqual([]);
		const twins = [anna, { id: 'anna-2', name: 'Anna Schmidt' }];
		expect(mentionedIds('@Anna Schmidt', twins)).toEqual([]);
	});

	it('mentions only the people it is given (those who may read the document)', () => {
		expect(mentionedIds('@Carla Neumann, bitte', people)).toEqual([]);
	});

	it('needs the whole name: no mention of a prefix of a longer word', () => {
		expect(mentionedIds('@Berndt', people)).toEqual([]);
	});

	it('ignores e-mail addresses and counts each person once', () => {
		expect(mentionedIds('bernd@kreis-unna.de', people)).toEqual([]);
		expect(mentionedIds('@Bernd und noch einmal (@Bernd)', people)).toEqual(['bernd']);
	});

	it('matches names typed in another Unicode normal form', () => {
		const decomposed = '@Ju\u0308rgen'.normalize('NFD');
		expect(mentionedIds(decomposed, people)).toEqual(['juergen']);
	});
});

describe('mentionSegments', () => {
	it('cuts the text into plain parts and mentions, keeping every character', () => {
		const segments = mentionSegments('Hallo @anna schmidt, siehe oben.', people);
		expect(segments).toEqual([
			{ text: 'Hallo ' },
			{ text: '@anna schmidt', userId: 'anna', name: 'Anna Schmidt' },
			{ text: ', siehe oben.' }
		]);
	});
});

describe('mentionQuery', () => {
	it('reads the words after an @ just before the caret', () => {
		expect(mentionQuery('Danke @Jü', 9)).toEqual({ start: 6, query: 'Jü' });
		expect(mentionQuery('@Anna Sch', 9)).toEqual({ start: 0, query: 'Anna Sch' });
		expect(mentionQuery('@', 1)).toEqual({ start: 0, query: '' });
	});

	it('is nothing in an e-mail address, after a line break or a leading space', () => {
		expect(mentionQuery('bernd@kre', 9)).toBeNull();
		expect(mentionQuery('@Anna\nweiter', 12)).toBeNull();
		expect(mentionQuery('@ Anna', 6)).toBeNull();
		expect(mentionQuery('kein at', 7)).toBeNull();
	});
});

describe('mentionSuggestions', () => {
	it('offers names beginning with what was typed, then names with such a word', () => {
		expect(mentionSuggestions('an', people).map((p) => p.id)).toEqual(['anna-m', 'anna']);
		expect(mentionSuggestions('öz', people).map((p) => p.id)).toEqual(['juergen']);
		expect(mentionSuggestions('', people)).toHaveLength(4);
	});
});
