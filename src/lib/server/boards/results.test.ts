import JSZip from 'jszip';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { organisation, type OrganisationType } from '../db/schema';
import { runSeeds } from '../db/seeds';
import { createTestDatabase } from '../db/test-database';
import { createEvent } from '../events/events';
import { joinEvent } from '../events/participants';
import { organisationsSeed } from '../workspace/organisations-seed';
import { boardView, listBoards } from './boards';
import { applyCommand, type CommandAuthor } from './commands';
import { resultsCsv, resultsDocx, resultsMarkdown } from './exports';
import { eventBoardResults } from './results';
import { onBoard } from '../policy-fixture';

function setup() {
	const db = createTestDatabase();
	runSeeds(db, [organisationsSeed()]);
	const place = (slug: string) =>
		db.select().from(organisation).where(eq(organisation.slug, slug)).get()!.id;
	const created = createEvent(db, {
		title: 'Zukunftskonferenz: Chan!Ge-Prinzipien',
		date: '2026-03-04',
		place: 'Kamen',
		description: '',
		agenda: [],
		asksAffiliation: true,
		workingGroups: [{ title: 'AG 1', question: 'Was fehlt?' }],
		createdBy: null
	});
	const [summary] = listBoards(db, created.id);
	const voter = (
		slug = 'kamen',
		organisationType: OrganisationType = 'verwaltung',
		moderator = false
	): CommandAuthor => {
		const affiliationOrganisationId = place(slug);
		return onBoard(
			{
				key: joinEvent(db, created.id, {
					displayName: null,
					workingGroupId: null,
					affiliationOrganisationId,
					organisationType
				}).participant.id,
				kind: 'participant',
				moderator,
				displayName: null,
				affiliationOrganisationId,
				organisationType
			},
			created.id
		);
	};
	const mod = voter('kamen', 'verwaltung', true);
	const run = (author: CommandAuthor, command: Parameters<typeof applyCommand>[3]) =>
		applyCommand(db, summary.id, author, command);
	const add = (text: string, column = 0) => {
		const columnId = boardView(db, summary.id, mod)!.columns[column].id;
		run(mod, { type: 'addCard', columnId, text, colour: 'gelb' });
		return boardView(db, summary.id, mod)!
			.columns.flatMap((c) => c.cards)
			.find((c) => c.text === text)!.id;
	};
	return { db, created, mod, voter, run, add };
}

describe('board results', () => {
	it('orders cards by dots, breaks dots down by Kommune, and exports the same numbers', async () => {
		const { db, created, mod, voter, run, add } = setup();
		add('=SUMME(A1)');
		const popular = add('Beliebt');
		run(mod, { type: 'startVoting', dots: 1, hidden: false });
		for (let i = 0; i < 3; i++) {
			expect(run(voter(), { type: 'vote', cardId: popular })).toEqual({ ok: true });
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
		const csv = resultsCsv(created, [result]);
		expect(csv).toContain("AG 1;Karte;Schon geschafft;'=SUMME(A1);anonym;0;");
		expect(csv.startsWith('\ufeffArbeitsgruppe;Art;Spalte;Text;Von;Punkte;Im Stapel unter')).toBe(
			true
		);
		const docx = await resultsDocx(created, [result]);
		expect(docx.subarray(0, 2).toString()).toBe('PK');
	});

	it('hides a group of one person however many dots they gave', () => {
		const { db, created, mod, voter, run, add } = setup();
		const cards = ['Eins', 'Zwei', 'Drei'].map((text) => add(text));
		run(mod, { type: 'startVoting', dots: 3, hidden: false });
		// One person from Selm, a Träger, puts a dot on each card: three dots, one person.
		const selm = voter('selm', 'traeger');
		for (const cardId of cards) run(selm, { type: 'vote', cardId });
		for (let i = 0; i < 3; i++)
			run(voter('kamen', 'verwaltung'), { type: 'vote', cardId: cards[0] });
		const [result] = eventBoardResults(db, created);
		expect(result.totalVotes).toBe(6);
		expect(result.byAffiliation).toEqual([{ label: 'Stadt Kamen', votes: 3 }]);
		expect(result.byOrganisationType).toEqual([{ label: 'Verwaltung', votes: 3 }]);
		// Two more small groups, and the three people together show as "Weitere".
		run(voter('werne', 'politik'), { type: 'vote', cardId: cards[1] });
		run(voter('unna', 'jobcenter'), { type: 'vote', cardId: cards[1] });
		const [more] = eventBoardResults(db, created);
		expect(more.byAffiliation).toEqual([
			{ label: 'Stadt Kamen', votes: 3 },
			{ label: 'Weitere', votes: 5 }
		]);
		expect(more.byOrganisationType).toEqual([
			{ label: 'Verwaltung', votes: 3 },
			{ label: 'Weitere', votes: 5 }
		]);
	});

	it('keeps every card of a stack in the results and in every export', async () => {
		const { db, created, mod, voter, run, add } = setup();
		const top = add('Kommunale Zusammenarbeit ausbauen!');
		const under = add('Interkommunal *zusammen*arbeiten');
		add('1. Sozialbericht <b>2024</b>', 1);
		run(mod, { type: 'startVoting', dots: 2, hidden: false });
		const both = voter();
		run(both, { type: 'vote', cardId: top });
		run(both, { type: 'vote', cardId: under });
		run(voter(), { type: 'vote', cardId: under });
		run(voter(), { type: 'vote', cardId: top });
		run(mod, { type: 'mergeCards', cardId: under, intoCardId: top });

		const [result] = eventBoardResults(db, created);
		expect(result.columns[0].cards).toEqual([
			{
				id: top,
				text: 'Kommunale Zusammenarbeit ausbauen!',
				authorName: null,
				votes: 3,
				stack: [{ id: under, text: 'Interkommunal *zusammen*arbeiten', authorName: null }]
			}
		]);

		// The Markdown, read by a CommonMark parser, says what the results page says.
		const markdown = resultsMarkdown(created, [result]);
		expect(markdown).toContain('# Zukunftskonferenz: Chan!Ge-Prinzipien\n');
		expect(markdown).toContain('- Kommunale Zusammenarbeit ausbauen! (3 Punkte)\n');
		const html = new MarkdownIt('commonmark').render(markdown);
		const items = [...html.matchAll(/<li>([^<]*(?:<(?!\/?(?:li|ul)>)[^<]*)*)/g)].map((m) =>
			m[1].trim()
		);
		expect(items).toEqual([
			'Kommunale Zusammenarbeit ausbauen! (3 Punkte)',
			'Interkommunal *zusammen*arbeiten',
			'1. Sozialbericht &lt;b&gt;2024&lt;/b&gt; (0 Punkte)',
			'Stadt Kamen: 3',
			'Verwaltung: 3'
		]);
		expect(html).toContain('<h4>Punkte nach Art der Organisation</h4>');

		const csv = resultsCsv(created, [result]);
		expect(csv).toContain(
			'AG 1;Karte im Stapel;Schon geschafft;Interkommunal *zusammen*arbeiten;anonym;;Kommunale Zusammenarbeit ausbauen!\r\n'
		);
		expect(csv).toContain('AG 1;Punkte nach Art der Organisation;;Verwaltung;;3;\r\n');

		const zip = await JSZip.loadAsync(await resultsDocx(created, [result]));
		const word = await zip.file('word/document.xml')!.async('string');
		for (const text of [
			'Kommunale Zusammenarbeit ausbauen!',
			'Interkommunal *zusammen*arbeiten',
			'Punkte nach Kommune',
			'Punkte nach Art der Organisation',
			'Verwaltung: 3'
		]) {
			expect(word).toContain(text);
		}
	});
});
