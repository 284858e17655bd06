import { EditorState } from '@tiptap/pm/state';
import type { DecorationSet } from '@tiptap/pm/view';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { numberedPassages, type ConsensusMark } from '$lib/consensus';
import {
	documentSchema,
	jsonFromYDoc,
	yjsUpdateFromJSON
} from '../server/documents/document-state';
import { leitbildText } from '../server/documents/seed/leitbild';
import { markdownToDocument } from '../server/documents/markdown';
import {
	ConsensusMargin,
	passageCounts,
	passageDetails,
	setConsensusMarks
} from './consensus-margin';
import type { PmNode } from './pm-node';
import { table } from './table-test-support';

/** The margin's plugin on an editor state of its own, without a view (it reads only its
 * options). */
function stateWith(json: PmNode) {
	const plugins = ConsensusMargin.config.addProseMirrorPlugins!.call({
		options: { onOpen: () => {} }
	} as never);
	return EditorState.create({ doc: documentSchema().nodeFromJSON(json), plugins });
}

describe('the consensus margin', () => {
	it('hashes a passage in the browser as the server does, through Yjs and back', () => {
		const json = markdownToDocument(leitbildText);
		const ydoc = new Y.Doc();
		Y.applyUpdate(ydoc, yjsUpdateFromJSON(json));
		const server = numberedPassages(jsonFromYDoc(ydoc));
		const state = EditorState.create({ doc: documentSchema().nodeFromJSON(json) });
		const browser = numberedPassages(state.doc.toJSON());
		expect(server.length).toBeGreaterThan(10);
		expect(browser).toEqual(server);
	});

	it('counts a mark as outdated once its passage reads differently', () => {
		const json = markdownToDocument('Wir handeln gemeinsam.');
		const [passage] = numberedPassages(json);
		let state = stateWith(json);
		const mark: ConsensusMark = {
			blockId: passage.blockId,
			organisationId: 'kamen',
			state: 'agree',
			note: null,
			textHash: passage.hash,
			userName: 'Sina',
			createdAt: 0
		};
		state = state.apply(setConsensusMarks(state.tr, [mark], 11, false));
		const details = passageDetails(state, passage.blockId)!;
		expect(details).toMatchObject({ number: '1', excerpt: 'Wir handeln gemeinsam.' });
		expect(passageCounts([mark], 11, passage.blockId, details.hash)).toEqual({
			agree: 1,
			concern: 0,
			outdated: 0,
			bodies: 11
		});
		expect(passageCounts([mark], 11, passage.blockId, 'anders')).toMatchObject({
			agree: 0,
			outdated: 1
		});
		expect(passageDetails(state, 'gibt-es-nicht')).toBeNull();
	});

	it("puts a table row's indicator in its last cell, where a row may hold it", () => {
		const rows = table(['Kommune', 'Zusage'], [['Kamen', 'Runder Tisch']]);
		rows.content!.forEach((row, i) => (row.attrs = { id: `zeile-${i}` }));
		let state = stateWith({ type: 'doc', content: [rows] });
		state = state.apply(setConsensusMarks(state.tr, [], 11, false));
		const plugin = state.plugins.find((p) => p.props.decorations)!;
		const decorations = plugin.props.decorations!.call(plugin, state) as DecorationSet;
		const widgets = decorations.find();
		expect(widgets).toHaveLength(1);
		const $pos = state.doc.resolve(widgets[0].from);
		expect($pos.parent.type.name).toBe('tableCell');
		expect($pos.parent.textContent).toBe('Runder Tisch');
		expect(passageDetails(state, 'zeile-1')).toMatchObject({
			number: '1',
			excerpt: 'Kamen Runder Tisch'
		});
	});
});

describe('the margin beside headings', () => {
	const json = markdownToDocument(
		'## Präambel\n\nArmut schränkt Chancen ein.\n\n- Wir beraten.\n\n## Umsetzung\n\nAlle machen mit.'
	);
	const passages = numberedPassages(json);
	const [preamble, first, item] = passages;
	const agree = (blockId: string, organisationId: string, hash: string): ConsensusMark => ({
		blockId,
		organisationId,
		state: 'agree',
		note: null,
		textHash: hash,
		userName: null,
		createdAt: 0
	});
	const marks = [
		agree(first.blockId, 'kamen', first.hash),
		agree(item.blockId, 'kamen', item.hash),
		agree(first.blockId, 'unna', first.hash),
		agree(preamble.blockId, 'selm', preamble.hash)
	];

	/** What the margin shows, as its widgets' keys say it: per block id, the words. */
	function shown(countHeadings: boolean) {
		let state = stateWith(json);
		state = state.apply(setConsensusMarks(state.tr, marks, 11, countHeadings));
		const decorations = state.plugins[0].props.decorations!.call(state.plugins[0], state);
		return (decorations as DecorationSet)
			.find()
			.map((decoration) => decoration.spec.key as string)
			.sort();
	}

	it('marks content passages, and shows each heading the state of its section', () => {
		expect(passages.map((p) => `${p.number} ${p.type}`)).toEqual([
			'1 heading',
			'1.1 paragraph',
			'1.2 listItem',
			'2 heading',
			'2.1 paragraph'
		]);
		expect(shown(false)).toEqual(
			[
				`section-${preamble.blockId}-1.1–1.2|1 von 11 einverstanden`,
				`consensus-${first.blockId}-1.1|2 von 11 einverstanden`,
				`consensus-${item.blockId}-1.2|1 von 11 einverstanden`,
				`section-${passages[3].blockId}-2.1|0 von 11 einverstanden`,
				`consensus-${passages[4].blockId}-2.1|0 von 11 einverstanden`
			].sort()
		);
		let state = stateWith(json);
		state = state.apply(setConsensusMarks(state.tr, marks, 11, false));
		expect(passageDetails(state, preamble.blockId)).toBeNull();
	});

	it('makes headings passages of their own where the document counts them', () => {
		expect(shown(true)).toEqual(
			[
				`consensus-${preamble.blockId}-1|1 von 11 einverstanden`,
				`consensus-${first.blockId}-1.1|2 von 11 einverstanden`,
				`consensus-${item.blockId}-1.2|1 von 11 einverstanden`,
				`consensus-${passages[3].blockId}-2|0 von 11 einverstanden`,
				`consensus-${passages[4].blockId}-2.1|0 von 11 einverstanden`
			].sort()
		);
		let state = stateWith(json);
		state = state.apply(setConsensusMarks(state.tr, marks, 11, true));
		expect(passageDetails(state, preamble.blockId)).toMatchObject({ number: '1' });
	});
});
