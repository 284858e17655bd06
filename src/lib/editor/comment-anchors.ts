// Where a comment sits in the text: a pair of Yjs relative positions, so it follows its words
// through everyone's edits. The start sticks to the first commented character, the end to the
// last one, so text typed right before or right after the words stays outside the comment. When
// all the words are deleted, the range collapses and the comment is detached.
import type { EditorState } from '@tiptap/pm/state';
import {
	absolutePositionToRelativePosition,
	relativePositionToAbsolutePosition,
	ySyncPluginKey
} from '@tiptap/y-tiptap';
import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';

/** What the sync plugin knows: the Y.Doc, its fragment and which Yjs type is which node. */
export interface YBinding {
	doc: Y.Doc;
	type: Y.XmlFragment;
	mapping: Parameters<typeof absolutePositionToRelativePosition>[2];
}

/** The editor's binding to its Yjs document, once the sync plugin has set it up. */
export function bindingOf(state: EditorState): YBinding | undefined {
	return ySyncPluginKey.getState(state)?.binding ?? undefined;
}

export interface Anchors {
	anchorStart: string;
	anchorEnd: string;
}

/**
 * y-tiptap ties a position to the character before it; the start of a comment is better tied to
 * the character after it, its first word. Only inside a text: elsewhere y-tiptap's answer stays.
 */
function leaningRight(position: Y.RelativePosition, doc: Y.Doc): Y.RelativePosition {
	const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc);
	if (!absolute || !(absolute.type instanceof Y.XmlText)) return position;
	if (absolute.index >= absolute.type.length) return position;
	return Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, 0);
}

export function anchorsFor(binding: YBinding, from: number, to: number): Anchors {
	const relative = (pos: number) =>
		absolutePositionToRelativePosition(pos, binding.type, binding.mapping) as Y.RelativePosition;
	return {
		anchorStart: toBase64(Y.encodeRelativePosition(leaningRight(relative(from), binding.doc))),
		anchorEnd: toBase64(Y.encodeRelativePosition(relative(to)))
	};
}

/**
 * Where a relative position is in the editor now. y-tiptap refuses positions tied to a character
 * that land at the very start of the document (it takes them for misresolved), which would lose
 * anything anchored to the first word; those are asked again as the same place named by index.
 */
export function absolutePosition(binding: YBinding, position: Y.RelativePosition): number | null {
	const pos = relativePositionToAbsolutePosition(
		binding.doc,
		binding.type,
		position,
		binding.mapping
	);
	if (pos !== null || position.item === null) return pos;
	const absolute = Y.createAbsolutePositionFromRelativePosition(position, binding.doc);
	if (!absolute || !(absolute.type instanceof Y.XmlText)) return null;
	return relativePositionToAbsolutePosition(
		binding.doc,
		binding.type,
		Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, -1),
		binding.mapping
	);
}

/** The words' range now, or null when they are gone (or the anchors are unreadable). */
export function resolveAnchors(
	binding: YBinding,
	anchors: Anchors
): { from: number; to: number } | null {
	try {
		const resolve = (encoded: string) =>
			absolutePosition(binding, Y.decodeRelativePosition(fromBase64(encoded)));
		const from = resolve(anchors.anchorStart);
		const to = resolve(anchors.anchorEnd);
		if (from === null || to === null || from >= to) return null;
		return { from, to };
	} catch {
		return null;
	}
}
