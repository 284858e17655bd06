// Every Word file the app writes, read by pandoc as integrators read it: the headings come out as
// `#` headings in order, and each passage is preceded by one number, its passage number
// (issue 19). The document is the test's own Selbstverpflichtung with a numbered list, a proposal
// and a frozen version; the conference results come from the seeded Zukunftskonferenz.
import * as Y from 'yjs';
import type { PmNode } from '../src/lib/editor/pm-node';
import { passageNumbers } from '../src/lib/editor/passages';
import { yjsUpdateFromJSON } from '../src/lib/server/documents/document-state';
import { postForm } from './support/actors';
import { queryDatabase, writeDatabase } from './support/database';
import { expect, test } from './support/fixtures';
import { markdownHeadings, numbersBefore, pandocMarkdown } from './support/pandoc';
import { seededEventSlug } from './support/participants';
import { connectDocument, sessionCookie } from './support/yjs-client';

const textNode = (text: string): PmNode => ({ type: 'text', text });
const para = (text: string): PmNode => ({ type: 'paragraph', content: [textNode(text)] });
const heading = (level: number, text: string): PmNode => ({
	type: 'heading',
	attrs: { level },
	content: [textNode(text)]
});
const list = (type: 'bulletList' | 'orderedList', items: PmNode[][]): PmNode => ({
	type,
	...(type === 'orderedList' ? { attrs: { start: 1 } } : {}),
	content: items.map((content) => ({ type: 'listItem', content }))
});

const proposed = 'Wir machen das Leitbild zur Grundlage unseres Handelns.';
const text: PmNode = {
	type: 'doc',
	content: [
		heading(1, 'Gemeinsame Erklärung für alle Programme'),
		para('Die unterzeichnenden Städte und Gemeinden erklären gemeinsam'),
		heading(2, 'Grundlage'),
		para(proposed),
		heading(3, 'Was wir darunter verstehen'),
		list('bulletList', [[para('Teilhabe für alle Kinder')], [para('Zugang ohne Hürden')]]),
		heading(2, 'Verpflichtungen'),
		list('orderedList', [
			[para('Wir verankern die Aufgabe in der Verwaltung.')],
			[
				para('Wir fördern Fortbildung in drei Schritten.'),
				list('orderedList', [[para('Angebote planen')], [para('Angebote machen')]])
			],
			[para('Wir beteiligen Menschen mit Armutserfahrung.')]
		]),
		{ type: 'blockquote', content: [para('Niemand wird zurückgelassen.')] },
		heading(2, 'Berichtspflicht'),
		para('Wir berichten einmal im Jahr.')
	]
};

const plain = (node: PmNode): string =>
	node.text ?? (node.content ?? []).map(plain).join(node.type === 'listItem' ? '\n' : '');

/** The headings pandoc should find: level, number and text. */
const documentHeadings = (doc: PmNode) => {
	const numbers = passageNumbers(doc);
	return (doc.content ?? [])
		.filter((node) => node.type === 'heading')
		.map((node) =>
			['#'.repeat(Number(node.attrs!.level)), numbers.get(node), plain(node)]
				.filter(Boolean)
				.join(' ')
		);
};

test('every Word file reads in pandoc with its headings and one number per passage', async ({
	actors,
	server
}) => {
	const created = await postForm(actors.editor.request, server.url, '/dokumente?/create', {
		title: 'Word für alle Programme',
		kind: 'selbstverpflichtung'
	});
	expect(created.status()).toBe(303);
	const slug = created.headers().location.split('/').pop()!;
	const [doc] = queryDatabase<{ id: string }>(
		server.dataDir,
		'select id from document where slug = ?',
		slug
	);

	// The text, written as an editor's browser writes it.
	const client = connectDocument(server.url, doc.id, await sessionCookie(actors.editor.request));
	await client.synced;
	const stored = () =>
		queryDatabase<{ n: number }>(
			server.dataDir,
			'select count(*) as n from document_update where document_id = ?',
			doc.id
		)[0].n;
	const before = stored();
	Y.applyUpdate(client.ydoc, yjsUpdateFromJSON(text));
	await expect.poll(() => stored() > before, { timeout: 10_000 }).toBe(true);
	const paragraph = client.ydoc
		.getXmlFragment('default')
		.toArray()
		.find((node) => node instanceof Y.XmlElement && node.toString().includes(proposed));
	const words = (paragraph as Y.XmlElement).get(0) as Y.XmlText;
	const anchor = (index: number, assoc: number) =>
		Buffer.from(
			Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(words, index, assoc))
		).toString('base64');
	client.destroy();

	// One open proposal by Stadt Kamen: "Handelns" becomes "gemeinsamen Handelns".
	const [kamen] = queryDatabase<{ id: string }>(
		server.dataDir,
		"select id from organisation where slug = 'kamen'"
	);
	const [author] = queryDatabase<{ id: string }>(
		server.dataDir,
		'select id from user where email = ?',
		actors.editor.email
	);
	const from = proposed.indexOf('Handelns');
	writeDatabase(
		server.dataDir,
		`insert into annotation (id, document_id, kind, anchor_start, anchor_end, quote, state,
			created_by, created_at, proposed_text, organisation_id, reason)
		 values ('vorschlag-word', ?, 'proposal', ?, ?, 'Handelns', 'open', ?, ?,
			'gemeinsamen Handelns', ?, 'Gemeinsam zählt.')`,
		doc.id,
		anchor(from, 0),
		anchor(from + 'Handelns'.length, -1),
		author.id,
		Date.UTC(2026, 10, 20, 9),
		kamen.id
	);
	const frozen = await postForm(
		actors.editor.request,
		server.url,
		`/dokumente/${slug}/fassungen?/freeze`,
		{ name: 'Beschlussvorlage' }
	);
	expect(frozen.status()).toBe(200);

	const bodies = queryDatabase<{ name: string }>(
		server.dataDir,
		'select name from organisation where adopting = 1 order by sort_order'
	).map(({ name }) => `### ${name}`);
	const signed = [...documentHeadings(text), '## Unterzeichnung', ...bodies];
	const withProposals = [...documentHeadings(text), '## Änderungsvorschläge'];
	const numbers = [...passageNumbers(text)];
	expect(numbers.map(([, number]) => number)).toEqual([
		...['1', '1.1', '1.2', '1.3', '1.4'],
		...['2', '2.1', '2.2', '2.3', '2.4'],
		...['3', '3.1']
	]);

	for (const [query, headings] of [
		['', signed],
		['?fassung=1', signed],
		['?vorschlaege=1', withProposals],
		['?fassung=1&vorschlaege=1', withProposals]
	] as const) {
		const response = await actors.viewer.request.get(`/dokumente/${slug}/export/docx${query}`);
		expect(response.status(), query).toBe(200);
		const markdown = pandocMarkdown(await response.body());
		expect(markdownHeadings(markdown), query).toEqual(headings);
		for (const [node, number] of numbers) {
			const start = plain(node).split('\n')[0].slice(0, 30);
			expect(numbersBefore(markdown, start), `${query} ${start}`).toEqual([number]);
		}
		// Before the first section there is no passage; a list inside a passage keeps its numbers.
		expect(numbersBefore(markdown, 'Die unterzeichnenden Städte'), query).toEqual([]);
		expect(markdown, query).toMatch(/^ *1\. +Angebote planen$/m);
		expect(markdown, query).toMatch(/^ *2\. +Angebote machen$/m);
	}
});

test('the conference results in Word read in pandoc with the headings of the Markdown file', async ({
	actors
}) => {
	const base = `/konferenzen/${seededEventSlug}/ergebnisse`;
	const word = await actors.editor.request.get(`${base}/docx`);
	expect(word.status()).toBe(200);
	const unescape = (line: string) => line.replace(/\\(.)/g, '$1');
	const fromWord = markdownHeadings(pandocMarkdown(await word.body())).map(unescape);
	// The Markdown file opens with the conference's title, which Word holds in its Title style;
	// its other headings are one level deeper than Word's.
	const [title, ...fromMarkdown] = markdownHeadings(
		await (await actors.editor.request.get(`${base}/md`)).text()
	).map(unescape);
	expect(title).toMatch(/^# /);
	expect(fromMarkdown.length).toBeGreaterThan(3);
	expect(fromWord).toEqual(fromMarkdown.map((line) => line.slice(1)));
});
