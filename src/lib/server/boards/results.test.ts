import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { organisation } from '../db/schema';
import { runSeeds } from '../db/seeds';
import { createTestDatabase } from '../db/test-database';
import { createEvent } from '../events/events';
import { joinEvent } from '../events/participants';
import { organisationsSeed } from '../workspace/organisations-seed';
import { boardView, listBoards } from './boards';
import { applyCommand, type CommandAuthor } from './commands';
import { resultsCsv, resultsDocx, resultsMarkdown } from './exports';
import { eventBoardResults, foldSmallGroups } from './results';

describe('board results', () => {
	it('never shows a group under three on its own', () => {
		const counts = new Map([
			['Kamen', 5],
			['Unna', 3],
			['Selm', 2],
			['Werne', 1]
		]);
		expect(foldSmallGroups(counts, 'Weitere')).toEqual([
			{ label: 'Kamen', votes: 5 },
			{ label: 'Unna', votes: 3 },
			{ label: 'Weitere', votes: 3 }
		]);
		expect(foldSmallGroups(new Map([['Selm', 2]]), 'Weitere')).toEqual([]);
	});

	it('orders cards by dots, breaks dots down by Kommune, and exports the same numbers', async () => {
		const db = createTestDatabase();
		runSeeds(db, [organisationsSeed()]);
		const kamen = db.select().from(organisation).where(eq(organisation.slug, 'kamen')).get()!;
		const created = createEvent(db, {
			title: 'Konferenz',
			date: '2026-03-04',
			place: 'Kamen',
			description: '',
			agenda: [],
			asksAffiliation: true,
			workingGroups: [{ title: 'AG 1', question: 'Was fehlt?' }],
			createdBy: null
		});
		const [summary] = listBoards(db, created.id);
		const voter = (moderator = false): CommandAuthor => ({
			key: joinEvent(db, created.id, {
				displayName: null,
				workingGroupId: null,
				affiliationOrganisationId: kamen.id,
				organisationType: 'verwaltung'
			}).participant.id,
			kind: 'participant',
			moderator,
			displayName: null,
			affiliationOrganisationId: kamen.id,
			organisationType: 'verwaltung'
		});
		const mod = voter(true);
		const column = boardView(db, summary.id, mod)!.columns[0];
		for (const text of ['=SUMME(A1)', 'Beliebt']) {
			applyCommand(db, summary.id, mod, {
				type: 'addCard',
				columnId: column.id,
				text,
				colour: 'gelb'
			});
		}
		applyCommand(db, summary.id, mod, { type: 'startVoting', dots: 1, hidden: false });
		const popular = boardView(db, summary.id, mod)!.columns[0].cards.find(
			(c) => c.text === 'Beliebt'
		)!;
		for (let i = 0; i < 3; i++) {
			expect(applyCommand(db, summary.id, voter(), { type: 'vote', cardId: popular.id })).toEqual({
				ok: true
			});
		}
		const [result] = eventBoardResults(db, created);
		expect(result.columns[0].cards.map((c) => [c.text, c.votes])).toEqual([
			['Beliebt', 3],
			['=SUMME(A1)', 0]
		]);
		expect(result.byAffiliation).toEqual([{ label: 'Stadt Kamen', votes: 3 }]);
		expect(result.byOrganisationType).toEqual([{ label: 'Verwaltung', votes: 3 }]);

		const markdown = resultsMarkdown(created, [result]);
		expect(markdown.indexOf('Beliebt (3 Punkte)')).toBeLessThan(markdown.indexOf('SUMME'));
		const csv = resultsCsv([result]);
		expect(csv).toContain("AG 1;Schon geschafft;'=SUMME(A1);anonym;0");
		expect(csv.startsWith('\ufeffArbeitsgruppe;Spalte;Karte;Von;Punkte')).toBe(true);
		const docx = await resultsDocx(created, [result]);
		expect(docx.subarray(0, 2).toString()).toBe('PK');
	});
});
