// Where a change proposal stands in the server's copy of a document. A proposal covers a range
// within one run of text (a paragraph, a heading, a list item's paragraph): the two anchors must
// resolve into the same Yjs text. An insertion is an empty range; an empty paragraph has no text
// yet, so its one position is the paragraph element itself.
import { fromBase64 } from 'lib0/buffer';
import * as Y from 'yjs';

export interface ProposalRange {
	/** The text the range lies in, or the empty paragraph an insertion goes into. */
	type: Y.XmlText | Y.XmlElement;
	from: number;
	to: number;
}

function decode(encoded: string): Y.RelativePosition | null {
	try {
		return Y.decodeRelativePosition(fromBase64(encoded));
	} catch {
		return null;
	}
}

/** The range the anchors name now, or null when they no longer share one text (or never did). */
export function resolveProposalRange(
	ydoc: Y.Doc,
	anchors: { anchorStart: string; anchorEnd: string }
): ProposalRange | null {
	const start = decode(anchors.anchorStart);
	const end = decode(anchors.anchorEnd);
	if (!start || !end) return null;
	const from = Y.createAbsolutePositionFromRelativePosition(start, ydoc);
	const to = Y.createAbsolutePositionFromRelativePosition(end, ydoc);
	if (!from || !to || from.type !== to.type || from.index > to.index) return null;
	if (from.type instanceof Y.XmlText) {
		return { type: from.type, from: from.index, to: to.index };
	}
	// An empty paragraph: only an insertion fits.
	if (
		from.type instanceof Y.XmlElement &&
		from.type.length === 0 &&
		from.index === 0 &&
		to.index === 0
	) {
		return { type: from.type, from: 0, to: 0 };
	}
	return null;
}

type DeltaOp = { insert?: unknown; attributes?: Record<string, unknown> };

/** The part of a text's delta between two indices: its words with their formatting. */
export function deltaSlice(type: Y.XmlText, from: number, to: number): DeltaOp[] {
	const slice: DeltaOp[] = [];
	let index = 0;
	for (const op of type.toDelta() as DeltaOp[]) {
		const length = typeof op.insert === 'string' ? op.insert.length : 1;
		const start = Math.max(from, index);
		const end = Math.min(to, index + length);
		if (start < end) {
			slice.push({
				...op,
				insert:
					typeof op.insert === 'string' ? op.insert.slice(start - index, end - index) : op.insert
			});
		}
		index += length;
		if (index >= to) break;
	}
	return slice;
}

/** The characters of a range, as a reader sees them. */
export function rangeText(range: ProposalRange): string {
	if (!(range.type instanceof Y.XmlText)) return '';
	return deltaSlice(range.type, range.from, range.to)
		.map((op) => (typeof op.insert === 'string' ? op.insert : ''))
		.join('');
}
