import { toBase64 } from 'lib0/buffer';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { PmNode } from '../../editor/pm-node';
import { jsonFromYDoc } from '../documents/document-state';
import { markedText, proposalMarks } from './marked-text';
import { anchorsAround, blockText, proposal, ydocFromMarkdown } from './proposal-test-support';

/** A block's pieces as "text[marks]", each proposal mark written as d<number> or i<number>. */
function pieces(block: PmNode): string[] {
	return (block.content ?? []).map((node) => {
		const { deletion, insertion, others } = proposalMarks(node.marks);
		const tags = [
			...others.map((mark) => mark.type),
			...(deletion ? [`d${deletion.number}`] : []),
			...(insertion ? [`i${insertion.number}`] : [])
		];
		return tags.length ? `${node.text}[${tags.join(',')}]` : node.text!;
	});
}

describe('marked text', () => {
	const source = '# Leitbild\n\nWir stärken die Netzwerke im Kreis.\n\nZweiter Absatz.';

	it('shows an insertion, a deletion and a replacement where they belong, numbered in reading order', () => {
		const ydoc = ydocFromMarkdown(source);
		const text = blockText(ydoc, 1);
		const before = jsonFromYDoc(ydoc);
		const replacement = proposal(anchorsAround(text, 'stärken'), { text: 'festigen' });
		const insertion = proposal(anchorsAround(text, 'Netzwerke', true), {
			text: ' und Verbünde',
			organisationName: 'Gemeinde Holzwickede',
			authorName: 'Max Beispiel'
		});
		const deletion = proposal(anchorsAround(text, ' im Kreis'));
		const { json, proposals } = markedText(ydoc, [deletion, insertion, replacement]);
		expect(pieces(json.content![1])).toEqual([
			'Wir ',
			'stärken[d1]',
			'festigen[i1]',
			' die Netzwerke',
			' und Verbünde[i2]',
			' im Kreis[d3]',
			'.'
		]);
		expect(proposals.map((p) => [p.id, p.number, p.outdated])).toEqual([
			[replacement.id, 1, false],
			[insertion.id, 2, false],
			[deletion.id, 3, false]
		]);
		const mark = json.content![1].content![4].marks![0];
		expect(mark).toEqual({
			type: 'proposalInsertion',
			attrs: {
				proposalId: insertion.id,
				number: 2,
				organisation: 'Gemeinde Holzwickede',
				author: 'Max Beispiel',
				createdAt: insertion.createdAt,
				setAside: []
			}
		});
		// The live document is untouched.
		expect(jsonFromYDoc(ydoc)).toEqual(before);
	});

	it('keeps the formatting of replaced words and gives new words only their own mark', () => {
		const ydoc = ydocFromMarkdown('Wir **stärken** die Netzwerke.');
		const text = blockText(ydoc, 0);
		const { json } = markedText(ydoc, [
			proposal(anchorsAround(text, 'stärken'), { text: 'festigen' })
		]);
		expect(pieces(json.content![0])).toEqual([
			'Wir ',
			'stärken[bold,d1]',
			'festigen[i1]',
			' die Netzwerke.'
		]);
	});

	it('shows what accepting all, oldest first, does: a younger proposal on changed words is set aside', () => {
		const ydoc = ydocFromMarkdown(source);
		const text = blockText(ydoc, 1);
		const wide = proposal(anchorsAround(text, 'stärken die Netzwerke'), { text: 'pflegen Netze' });
		const narrow = proposal(anchorsAround(text, 'die Netzwerke im'), { text: 'das Netz im' });
		const apart = proposal(anchorsAround(text, 'Wir'), { text: 'Alle' });
		const { json, proposals } = markedText(ydoc, [narrow, wide, apart]);
		// `wide` is older than `narrow`: it is accepted first, and `narrow` is outdated then.
		expect(pieces(json.content![1])).toEqual([
			'Wir[d1]',
			'Alle[i1]',
			' ',
			'stärken die Netzwerke[d2]',
			'pflegen Netze[i2]',
			' im Kreis.'
		]);
		expect(proposals.map((p) => [p.number, p.setAside, p.collidesWith])).toEqual([
			[1, false, null],
			[2, false, null],
			[3, true, 2]
		]);
		const setAside = json.content![1].content![3].marks![0].attrs!.setAside;
		expect(setAside).toEqual([{ number: 3, organisation: 'Stadt Kamen', author: 'Erika Muster' }]);
	});

	it('keeps the pieces of neighbouring deletions apart, each with its own proposal', () => {
		const ydoc = ydocFromMarkdown('Wir stärken die Netzwerke im Kreis.');
		const text = blockText(ydoc, 0);
		const { json } = markedText(ydoc, [
			proposal(anchorsAround(text, 'stärken')),
			proposal(anchorsAround(text, ' die'))
		]);
		// The first deletion takes its neighbouring space along: no double space is left.
		expect(pieces(json.content![0])).toEqual([
			'Wir',
			' stärken[d1]',
			' die[d2]',
			' Netzwerke im Kreis.'
		]);
	});

	it('puts an insertion into an empty paragraph', () => {
		const ydoc = ydocFromMarkdown('Erster Absatz.');
		const fragment = ydoc.getXmlFragment('default');
		const empty = fragment.get(0) as Y.XmlElement;
		empty.delete(0, 1);
		const anchor = toBase64(
			Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(empty, 0))
		);
		const { json } = markedText(ydoc, [
			proposal({ anchorStart: anchor, anchorEnd: anchor, quote: '' }, { text: 'Neu.' })
		]);
		expect(pieces(json.content![0])).toEqual(['Neu.[i1]']);
	});

	it('leaves outdated proposals out of the text and numbers them last', () => {
		const ydoc = ydocFromMarkdown(source);
		const text = blockText(ydoc, 1);
		const stale = proposal(anchorsAround(text, 'Netzwerke'), { text: 'Netze' });
		const current = proposal(anchorsAround(blockText(ydoc, 2), 'Zweiter'), { text: 'Letzter' });
		// Someone changed the words after the proposal was made.
		text.delete(text.toString().indexOf('Netzwerke'), 4);
		const { json, proposals } = markedText(ydoc, [stale, current]);
		expect(pieces(json.content![1])).toEqual(['Wir stärken die werke im Kreis.']);
		expect(pieces(json.content![2])).toEqual(['Zweiter[d1]', 'Letzter[i1]', ' Absatz.']);
		expect(proposals.map((p) => [p.id, p.number, p.outdated])).toEqual([
			[current.id, 1, false],
			[stale.id, 2, true]
		]);
	});
});
