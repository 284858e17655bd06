import { describe, expect, it } from 'vitest';
import { documentSchema } from '../server/documents/document-state';
import { markdownToDocument } from '../server/documents/markdown';
import { leitbildText } from '../server/documents/seed/leitbild';
import { selbstverpflichtungText } from '../server/documents/seed/selbstverpflichtung';
import { livePassages, passageNumbers, passages } from './passages';
import type { PmNode } from './pm-node';
import { table } from './table-test-support';

const numbers = (markdown: string) => passages(markdownToDocument(markdown)).map((p) => p.number);

describe('passage numbers', () => {
	it('numbers sections by level-2 headings and their passages within them', () => {
		const doc = markdownToDocument(
			[
				'# Titel',
				'Vorspann ohne Nummer',
				'## Erstens',
				'Absatz',
				'### Unterüberschrift',
				'> Zitat',
				'## Zweitens',
				'- eins\n- zwei',
				'1. drei\n2. vier',
				'Schluss'
			].join('\n\n')
		);
		const found = passages(doc);
		expect(found.map((p) => `${p.number} ${p.type}`)).toEqual([
			'1 heading',
			'1.1 paragraph',
			'1.2 heading',
			'1.3 blockquote',
			'2 heading',
			'2.1 listItem',
			'2.2 listItem',
			'2.3 listItem',
			'2.4 listItem',
			'2.5 paragraph'
		]);
		// Each number names its block by id.
		const firstSection = doc.content![2];
		expect(found[0].blockId).toBe(firstSection.attrs!.id);
	});

	it('numbers a document without sections 1, 2, 3 …, the title excepted', () => {
		expect(numbers('# Titel\n\neins\n\n### zwei\n\n- drei\n- vier')).toEqual(['1', '2', '3', '4']);
	});

	it('gives nested content no number of its own and skips empty blocks', () => {
		const doc: PmNode = {
			type: 'doc',
			content: [
				{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'A' }] },
				{ type: 'paragraph' },
				{
					type: 'bulletList',
					content: [
						{
							type: 'listItem',
							content: [
								{ type: 'paragraph', content: [{ type: 'text', text: 'Punkt' }] },
								{
									type: 'bulletList',
									content: [
										{
											type: 'listItem',
											content: [{ type: 'paragraph', content: [{ type: 'text', text: 'innen' }] }]
										}
									]
								}
							]
						},
						{ type: 'listItem', content: [{ type: 'paragraph' }] }
					]
				},
				{
					type: 'blockquote',
					content: [
						{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] },
						{ type: 'paragraph', content: [{ type: 'text', text: 'y' }] }
					]
				},
				{ type: 'paragraph', content: [{ type: 'text', text: '   ' }] }
			]
		};
		expect(passages(doc).map((p) => `${p.number} ${p.type}`)).toEqual([
			'1 heading',
			'1.1 listItem',
			'1.2 blockquote'
		]);
		const byNode = passageNumbers(doc);
		expect(byNode.get(doc.content![2].content![0])).toBe('1.1');
		expect(byNode.get(doc.content![1])).toBeUndefined();
	});

	it('numbers the seeded texts from their structure, the Präambel first', () => {
		const leitbild = passages(markdownToDocument(leitbildText));
		expect(leitbild.slice(0, 3).map((p) => p.number)).toEqual(['1', '1.1', '2']);
		expect(leitbild.filter((p) => p.type === 'heading').map((p) => p.number)).toEqual([
			'1',
			'2',
			'3',
			'4',
			'5',
			'6'
		]);
		expect(numbers(selbstverpflichtungText)).toEqual([
			'1',
			'1.1',
			'2',
			'2.1',
			'2.2',
			'2.3',
			'2.4',
			'2.5',
			'3',
			'3.1'
		]);
	});

	it('numbers a live editor document the same way, by position', () => {
		const json = markdownToDocument(selbstverpflichtungText);
		const doc = documentSchema().nodeFromJSON(json);
		const live = livePassages(doc);
		expect(live.map((p) => p.number)).toEqual(passages(json).map((p) => p.number));
		for (const [index, passage] of live.entries()) {
			expect(doc.nodeAt(passage.pos)?.attrs.id).toBe(passages(json)[index].blockId);
		}
	});

	describe('tables', () => {
		const heading = (text: string): PmNode => ({
			type: 'heading',
			attrs: { level: 2 },
			content: [{ type: 'text', text }]
		});
		const paragraph = (text: string): PmNode => ({
			type: 'paragraph',
			content: [{ type: 'text', text }]
		});
		const doc: PmNode = {
			type: 'doc',
			content: [
				heading('Selbstverpflichtungen'),
				paragraph('Vorher'),
				table(
					['Kommune', 'Zusage'],
					[
						['Bergkamen', 'Beratung vor Ort'],
						['', ''],
						['Kamen', 'Runder Tisch']
					]
				),
				paragraph('Nachher')
			]
		};

		it('numbers each body row with text as a passage, not the table nor its header row', () => {
			expect(passages(doc).map((p) => `${p.number} ${p.type}`)).toEqual([
				'1 heading',
				'1.1 paragraph',
				'1.2 tableRow',
				'1.3 tableRow',
				'1.4 paragraph'
			]);
			const rows = doc.content![2].content!;
			const byNode = passageNumbers(doc);
			expect(byNode.get(rows[0])).toBeUndefined();
			expect(byNode.get(rows[1])).toBe('1.2');
			expect(byNode.get(rows[3])).toBe('1.3');
			expect(byNode.get(doc.content![2])).toBeUndefined();
		});

		it('numbers every row of a table without header row', () => {
			const plain: PmNode = {
				type: 'doc',
				content: [
					table(null, [
						['a', 'b'],
						['c', 'd']
					])
				]
			};
			expect(passages(plain).map((p) => p.number)).toEqual(['1', '2']);
		});

		it('numbers the rows of a live document the same way, each at its row', () => {
			const withIds = documentSchema().nodeFromJSON(doc);
			const live = livePassages(withIds);
			expect(live.map((p) => `${p.number} ${p.type}`)).toEqual(
				passages(doc).map((p) => `${p.number} ${p.type}`)
			);
			expect(
				live.filter((p) => p.type === 'tableRow').map((p) => withIds.nodeAt(p.pos)?.textContent)
			).toEqual(['BergkamenBeratung vor Ort', 'KamenRunder Tisch']);
		});
	});
});
