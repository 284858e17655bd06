import { getSchema } from '@tiptap/core';
import { initProseMirrorDoc, prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorsFor, resolveAnchors, type YBinding } from './comment-anchors';
import { documentExtensions, documentFragment } from './extensions';

const schema = getSchema(documentExtensions());

function documentWith(...paragraphs: string[]) {
	const doc = new Y.Doc();
	const type = doc.getXmlFragment(documentFragment);
	prosemirrorJSONToYXmlFragment(
		schema,
		{
			type: 'doc',
			content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] }))
		},
		type
	);
	return { doc, type };
}

/** The editor's view of the Yjs document as it is now. */
function bind(
	doc: Y.Doc,
	type: Y.XmlFragment
): YBinding & { text: (from: number, to: number) => string } {
	const { doc: pmDoc, mapping } = initProseMirrorDoc(type, schema);
	return { doc, type, mapping, text: (from, to) => pmDoc.textBetween(from, to, ' ') };
}

function paragraphText(type: Y.XmlFragment, index: number): Y.XmlText {
	return (type.get(index) as Y.XmlElement).get(0) as Y.XmlText;
}

describe('comment anchors', () => {
	it('stay on their words while text is inserted before and inside them', () => {
		const { doc, type } = documentWith('Wir stärken die Netzwerke der Akteure.');
		const before = bind(doc, type);
		// "die Netzwerke": positions count from 1 inside the first paragraph.
		const from = 1 + 'Wir stärken '.length;
		const to = from + 'die Netzwerke'.length;
		expect(before.text(from, to)).toBe('die Netzwerke');
		const anchors = anchorsFor(before, from, to);

		const text = paragraphText(type, 0);
		text.insert(0, 'Gemeinsam: ');
		text.insert('Gemeinsam: Wir stärken die '.length, 'lokalen ');
		doc.getXmlFragment(documentFragment).insert(0, [new Y.XmlElement('paragraph')]);

		const after = bind(doc, type);
		const range = resolveAnchors(after, anchors);
		expect(range && after.text(range.from, range.to)).toBe('die lokalen Netzwerke');
	});

	it('hold on to the very first word of a document', () => {
		// y-tiptap alone takes a position tied to the first character for misresolved.
		const { doc, type } = documentWith('Armut gemeinsam bekämpfen.');
		const binding = bind(doc, type);
		const anchors = anchorsFor(binding, 1, 1 + 'Armut'.length);
		const range = resolveAnchors(binding, anchors);
		expect(range && binding.text(range.from, range.to)).toBe('Armut');
	});

	it('leave out text typed right before or right after the words', () => {
		const { doc, type } = documentWith('Armut gemeinsam bekämpfen.');
		const before = bind(doc, type);
		const from = 1 + 'Armut '.length;
		const to = from + 'gemeinsam'.length;
		const anchors = anchorsFor(before, from, to);
		const text = paragraphText(type, 0);
		text.insert('Armut gemeinsam'.length, ' und entschlossen');
		text.insert('Armut '.length, 'ganz ');
		const after = bind(doc, type);
		const range = resolveAnchors(after, anchors);
		expect(range && after.text(range.from, range.to)).toBe('gemeinsam');
	});

	it('lose their first words without losing the rest', () => {
		const { doc, type } = documentWith('Wir handeln vorbeugend und gezielt.');
		const before = bind(doc, type);
		const from = 1 + 'Wir handeln '.length;
		const to = from + 'vorbeugend und gezielt'.length;
		const anchors = anchorsFor(before, from, to);
		paragraphText(type, 0).delete('Wir handeln '.length, 'vorbeugend '.length);
		const after = bind(doc, type);
		const range = resolveAnchors(after, anchors);
		expect(range && after.text(range.from, range.to)).toBe('und gezielt');
	});

	it('come loose when their words are deleted', () => {
		const { doc, type } = documentWith('Erster Absatz.', 'Zweiter Absatz mit Worten.');
		const before = bind(doc, type);
		const start = 'Erster Absatz.'.length + 2 + 1;
		const from = start + 'Zweiter Absatz '.length;
		const to = from + 'mit Worten'.length;
		expect(before.text(from, to)).toBe('mit Worten');
		const anchors = anchorsFor(before, from, to);

		paragraphText(type, 1).delete('Zweiter Absatz '.length, 'mit Worten'.length);
		expect(resolveAnchors(bind(doc, type), anchors)).toBeNull();
	});

	it('come loose when their paragraph is deleted, and survive unreadable input', () => {
		const { doc, type } = documentWith('Eins.', 'Zwei Worte hier.');
		const before = bind(doc, type);
		const anchors = anchorsFor(before, 9, 19);
		type.delete(1, 1);
		expect(resolveAnchors(bind(doc, type), anchors)).toBeNull();
		expect(resolveAnchors(before, { anchorStart: '%%%', anchorEnd: '' })).toBeNull();
	});
});
