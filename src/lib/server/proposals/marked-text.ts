// A document's text with its open change proposals made visible, for the exports "mit
// Vorschlägen": in a throwaway copy of the Yjs document the words a proposal replaces get a
// deletion attribute and its new words are inserted after them with an insertion attribute;
// y-tiptap turns text attributes into marks, and a `--<8 characters>` suffix on an attribute
// name lets several marks of one type (two proposals on overlapping words) sit on one text.
import * as Y from 'yjs';
import { documentFragment } from '../../editor/extensions';
import type { PmMark, PmNode } from '../../editor/pm-node';
import { jsonFromYDoc } from '../documents/document-state';
import { rangeText, resolveProposalRange, type ProposalRange } from './proposal-range';
import type { AttributedProposal } from './proposal-snapshot';

export const proposalDeletionMark = 'proposalDeletion';
export const proposalInsertionMark = 'proposalInsertion';

/** What a proposal's marks carry, so an exporter can attribute every piece of it. */
export interface ProposalMarkAttrs {
	proposalId: string;
	number: number;
	organisation: string;
	author: string;
	/** Milliseconds since the epoch. */
	createdAt: number;
	/** Its words overlap another proposal's: no plain tracked change can show both. */
	overlapping: boolean;
}

/** A proposal as an export lists it: numbered in the order of the text, outdated ones last. */
export interface NumberedProposal extends AttributedProposal {
	number: number;
	/** Its words share a passage with another proposal's. */
	overlapping: boolean;
}

export const unknownOrganisation = 'Organisation unbekannt';
export const unknownAuthor = 'unbekannt';

interface Placed {
	proposal: AttributedProposal;
	range: ProposalRange;
	/** Where its text stands among all texts of the document, for numbering in reading order. */
	order: number;
	overlapping: boolean;
}

/** Every text and element of the document in reading order. */
function readingOrder(fragment: Y.XmlFragment): Map<unknown, number> {
	const order = new Map<unknown, number>();
	const visit = (type: Y.XmlFragment | Y.XmlElement) => {
		for (const child of type.toArray()) {
			order.set(child, order.size);
			if (child instanceof Y.XmlElement) visit(child);
		}
	};
	visit(fragment);
	return order;
}

function overlap(a: ProposalRange, b: ProposalRange): boolean {
	if (a.type !== b.type) return false;
	if (a.from === a.to && b.from === b.to) return false;
	if (a.from === a.to) return b.from < a.from && a.from < b.to;
	if (b.from === b.to) return a.from < b.from && b.from < a.to;
	return Math.max(a.from, b.from) < Math.min(a.to, b.to);
}

/** The attribute name of one proposal's mark: unique per proposal, the mark type before `--`. */
const attributeName = (mark: string, number: number) =>
	`${mark}--${String(number).padStart(8, '0')}`;

export function markedText(
	ydoc: Y.Doc,
	proposals: AttributedProposal[]
): { json: PmNode; proposals: NumberedProposal[] } {
	const copy = new Y.Doc();
	Y.applyUpdate(copy, Y.encodeStateAsUpdate(ydoc));
	try {
		const order = readingOrder(copy.getXmlFragment(documentFragment));
		// Every anchor is resolved before the copy changes: an insertion moves later indices.
		const placed: Placed[] = [];
		const outdated: AttributedProposal[] = [];
		for (const proposal of proposals) {
			const range = proposal.outdated ? null : resolveProposalRange(copy, proposal);
			if (!range || rangeText(range) !== proposal.quote) {
				outdated.push(proposal);
				continue;
			}
			placed.push({ proposal, range, order: order.get(range.type) ?? 0, overlapping: false });
		}
		for (const a of placed)
			a.overlapping = placed.some((b) => b !== a && overlap(a.range, b.range));
		placed.sort(
			(a, b) =>
				a.order - b.order ||
				a.range.from - b.range.from ||
				a.range.to - b.range.to ||
				a.proposal.createdAt - b.proposal.createdAt
		);
		const numbered: NumberedProposal[] = [
			...placed.map(({ proposal, overlapping }, i) => ({
				...proposal,
				number: i + 1,
				overlapping
			})),
			...outdated.map((proposal, i) => ({
				...proposal,
				outdated: true,
				number: placed.length + i + 1,
				overlapping: false
			}))
		];
		// From the end of each text backwards, so the indices still to be used stay where they
		// were; a later insertion at an index lands before an earlier one, so at one point the
		// higher number goes first.
		const backwards = placed
			.map((entry, i) => ({ ...entry, number: i + 1 }))
			.sort((a, b) => b.range.to - a.range.to || b.number - a.number);
		const emptyParagraphTexts = new Map<Y.XmlElement, Y.XmlText>();
		copy.transact(() => {
			for (const { proposal, range, overlapping, number } of backwards) {
				const attrs: ProposalMarkAttrs = {
					proposalId: proposal.id,
					number,
					organisation: proposal.organisationName ?? unknownOrganisation,
					author: proposal.authorName ?? unknownAuthor,
					createdAt: proposal.createdAt,
					overlapping
				};
				let text: Y.XmlText;
				if (range.type instanceof Y.XmlText) {
					text = range.type;
				} else {
					const paragraph = range.type;
					if (!emptyParagraphTexts.has(paragraph)) {
						const created = new Y.XmlText();
						paragraph.insert(0, [created]);
						emptyParagraphTexts.set(paragraph, created);
					}
					text = emptyParagraphTexts.get(paragraph)!;
				}
				if (range.to > range.from) {
					text.format(range.from, range.to - range.from, {
						[attributeName(proposalDeletionMark, number)]: attrs
					});
				}
				if (proposal.text !== '') {
					// Given attributes replace those around the point: the new words carry only
					// this proposal's mark, not the formatting or deletion of their neighbours.
					text.insert(range.to, proposal.text, {
						[attributeName(proposalInsertionMark, number)]: attrs
					});
				}
			}
		});
		return { json: jsonFromYDoc(copy), proposals: numbered };
	} finally {
		copy.destroy();
	}
}

/** The proposal marks on a piece of text: the deletions it belongs to, the insertion it is. */
export function proposalMarks(marks: PmMark[] = []): {
	deletions: ProposalMarkAttrs[];
	insertion?: ProposalMarkAttrs;
	others: PmMark[];
} {
	const deletions: ProposalMarkAttrs[] = [];
	let insertion: ProposalMarkAttrs | undefined;
	const others: PmMark[] = [];
	for (const mark of marks) {
		if (mark.type === proposalDeletionMark)
			deletions.push(mark.attrs as unknown as ProposalMarkAttrs);
		else if (mark.type === proposalInsertionMark)
			insertion = mark.attrs as unknown as ProposalMarkAttrs;
		else others.push(mark);
	}
	deletions.sort((a, b) => a.number - b.number);
	return { deletions, insertion, others };
}
