import { EditorState } from '@tiptap/pm/state';
import type { DecorationSet } from '@tiptap/pm/view';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { consensusPassages, type ConsensusMark } from '$lib/consensus';
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
		const server = consensusPassages(jsonFromYDoc(ydoc));
		const state = EditorState.create({ doc: documentSchema().nodeFromJSON(json) });
		const browser = consensusPassages(state.doc.toJSON());
		expect(server.length).toBeGreaterThan(10);
		expect(browser).toEqual(server);
	});

	it('counts a mark as outdated once its passage reads differently', () => {
		const json = markdownToDocument('Wir handeln gemeinsam.');
		const [passage] = consensusPassages(json);
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
		state = state.apply(setConsensusMarks(state.tr, [mark], 11));
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
		state = state.apply(setConsensusMarks(state.tr, [], 11));
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
