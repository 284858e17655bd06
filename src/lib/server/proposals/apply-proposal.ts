// What accepting a proposal does to the text, as one function on a Yjs document: the server's
// accept path and the exports "mit Vorschlägen" (which show what accepting all would do) both use
// it, so the two cannot disagree.
import { toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import { deltaSlice, rangeText, resolveProposalRange, type ProposalRange } from './proposal-range';

export interface ApplicableProposal {
	anchorStart: string;
	anchorEnd: string;
	quote: string;
	text: string;
}

export interface AppliedProposal {
	/** Anchors around the new words (or the point where the words were). */
	start: string;
	end: string;
	/** The replaced words with their formatting, as a Yjs delta in JSON. */
	replaced: string;
}

const encode = (position: Y.RelativePosition) => toBase64(Y.encodeRelativePosition(position));

/** Anchors for `length` characters from `index`: tied to the first and the last of them, or to
 * the character before the point when there are none. */
export function anchorsAround(type: Y.XmlText, index: number, length: number) {
	if (length === 0) {
		const point = encode(Y.createRelativePositionFromTypeIndex(type, index, -1));
		return { start: point, end: point };
	}
	return {
		start: encode(Y.createRelativePositionFromTypeIndex(type, index, 0)),
		end: encode(Y.createRelativePositionFromTypeIndex(type, index + length, -1))
	};
}

/** Punctuation that follows a word without a space. */
const closing = /[.,;:!?)\]»“]/;

/**
 * A deleted word takes one neighbouring space with it, so no double space, no space before a
 * full stop and none at the start or end of the text is left behind.
 */
export function widenDeletion(range: ProposalRange): ProposalRange {
	if (!(range.type instanceof Y.XmlText) || range.to === range.from) return range;
	const all = rangeText({ type: range.type, from: 0, to: range.type.length });
	const before = range.from > 0 ? all[range.from - 1] : undefined;
	const after = range.to < all.length ? all[range.to] : undefined;
	if (before === ' ' && (after === undefined || after === ' ' || closing.test(after))) {
		return { ...range, from: range.from - 1 };
	}
	if (before === undefined && after === ' ') return { ...range, to: range.to + 1 };
	return range;
}

/** Puts `text` (with the formatting of the character before it) where `range` was, and tells
 * where it now stands. */
function replaceRange(range: ProposalRange, text: string) {
	let target: Y.XmlText;
	if (range.type instanceof Y.XmlText) {
		target = range.type;
		if (range.to > range.from) target.delete(range.from, range.to - range.from);
		if (text) target.insert(range.from, text);
	} else {
		// An empty paragraph gets its first text.
		target = new Y.XmlText(text);
		range.type.insert(0, [target]);
	}
	return anchorsAround(target, range.from, text.length);
}

/**
 * Applies a proposal to the text, or changes nothing and returns null when it is outdated: its
 * words no longer stand in one text as it quoted them. Run it inside a transaction.
 */
export function applyProposal(ydoc: Y.Doc, proposal: ApplicableProposal): AppliedProposal | null {
	const found = resolveProposalRange(ydoc, proposal);
	if (!found || rangeText(found) !== proposal.quote) return null;
	const range = proposal.text === '' ? widenDeletion(found) : found;
	const replaced =
		range.type instanceof Y.XmlText ? deltaSlice(range.type, range.from, range.to) : [];
	return { ...replaceRange(range, proposal.text), replaced: JSON.stringify(replaced) };
}
