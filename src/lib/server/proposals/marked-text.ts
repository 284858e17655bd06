// A document's text with its open change proposals made visible, for the exports "mit
// Vorschlägen". The marks show exactly what accepting all proposals would do: in a throwaway copy
// of the Yjs document every proposal is accepted, oldest first, with the server's own accept
// step; each character the copy lost carries a deletion mark and each one it gained an insertion
// mark, both naming the proposal. So "accept all" on an export (Word, CriticMarkup) gives the
// server's text, and "reject all" the text as it is. A proposal whose words an older one changed
// first is outdated by then: it is not drawn as a change; the older one's marks name it instead.
// y-tiptap turns text attributes into marks; a `--<8 characters>` suffix on an attribute name
// keeps the marks of two proposals apart where they touch.
import * as Y from 'yjs';
import { documentFragment } from '../../editor/extensions';
import type { PmMark, PmNode } from '../../editor/pm-node';
import { jsonFromYDoc } from '../documents/document-state';
import { applyProposal } from './apply-proposal';
import { rangeText, resolveProposalRange, type ProposalRange } from './proposal-range';
import type { AttributedProposal } from './proposal-snapshot';

type DeleteSet = Y.Transaction['deleteSet'];

export const proposalDeletionMark = 'proposalDeletion';
export const proposalInsertionMark = 'proposalInsertion';

/** A proposal an older one collides with, named where the older one stands. */
export interface SetAsideMark {
	number: number;
	organisation: string;
	author: string;
}

/** What a proposal's marks carry, so an exporter can attribute every piece of it. */
export interface ProposalMarkAttrs {
	proposalId: string;
	number: number;
	organisation: string;
	author: string;
	/** Milliseconds since the epoch. */
	createdAt: number;
	/** Younger proposals on the same words, not drawn: accepting this one outdates them. */
	setAside: SetAsideMark[];
}

/** A proposal as an export lists it: numbered in the order of the text, outdated ones last. */
export interface NumberedProposal extends AttributedProposal {
	number: number;
	/** Not drawn in the text: an older proposal changes its words first. */
	setAside: boolean;
	/** The number of that older proposal, when it can be told. */
	collidesWith: number | null;
}

export const unknownOrganisation = 'Organisation unbekannt';
export const unknownAuthor = 'unbekannt';

interface Placed {
	proposal: AttributedProposal;
	range: ProposalRange;
	/** Where its text stands among all texts of the document, for numbering in reading order. */
	order: number;
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

/** Every text of the document. */
function texts(type: Y.XmlFragment | Y.XmlElement): Y.XmlText[] {
	return type
		.toArray()
		.flatMap((child) =>
			child instanceof Y.XmlText ? [child] : child instanceof Y.XmlElement ? texts(child) : []
		);
}

/** The attribute name of one proposal's mark: unique per proposal, the mark type before `--`. */
const attributeName = (mark: string, number: number) =>
	`${mark}--${String(number).padStart(8, '0')}`;

const byCreation = (a: Placed, b: Placed) => a.proposal.createdAt - b.proposal.createdAt;

interface Piece {
	text: string;
	formatting: Record<string, unknown>;
	/** The formatting as a string, to compare. */
	key: string;
	/** The accepted proposal (its index among them) that removed or added these characters. */
	change?: { type: 'removed' | 'added'; step: number };
}

/**
 * The characters of a text before and after accepting, in order, each with the accepted proposal
 * that removed or added it. Read character by character from the Yjs items, because Yjs merges
 * neighbouring deleted items that different proposals deleted.
 */
function piecesOf(
	type: Y.XmlText,
	before: Y.Snapshot,
	deletedBy: DeleteSet[],
	stepOfClient: Map<number, number>
): Piece[] {
	const existedBefore = (id: Y.ID) =>
		id.clock < (before.sv.get(id.client) ?? 0) && !Y.isDeleted(before.ds, id);
	const pieces: Piece[] = [];
	const formatting = new Map<string, unknown>();
	for (let item = type._start; item; item = item.right) {
		const { content } = item;
		if (content instanceof Y.ContentFormat) {
			const id = item.id;
			const applies = stepOfClient.has(id.client) ? !item.deleted : existedBefore(id);
			if (!applies) continue;
			if (content.value === null) formatting.delete(content.key);
			else formatting.set(content.key, content.value);
			continue;
		}
		if (!(content instanceof Y.ContentString)) continue;
		const attrs = Object.fromEntries(formatting);
		const key = JSON.stringify(attrs);
		for (let offset = 0; offset < content.str.length; offset++) {
			const id = Y.createID(item.id.client, item.id.clock + offset);
			let change: Piece['change'];
			const added = stepOfClient.get(id.client);
			if (added !== undefined) {
				if (item.deleted) continue;
				change = { type: 'added', step: added };
			} else {
				if (!existedBefore(id)) continue;
				const step = item.deleted ? deletedBy.findIndex((ds) => Y.isDeleted(ds, id)) : -1;
				if (step >= 0) change = { type: 'removed', step };
			}
			const last = pieces.at(-1);
			if (
				last &&
				last.change?.type === change?.type &&
				last.change?.step === change?.step &&
				last.key === key
			) {
				last.text += content.str[offset];
			} else pieces.push({ text: content.str[offset], formatting: attrs, key, change });
		}
	}
	// Yjs puts new words before the ones they replace; readers expect the old words first.
	for (let i = 0; i + 1 < pieces.length; i++) {
		const [a, b] = [pieces[i].change, pieces[i + 1].change];
		if (a?.type === 'added' && b?.type === 'removed' && a.step === b.step) {
			[pieces[i], pieces[i + 1]] = [pieces[i + 1], pieces[i]];
			i++;
		}
	}
	return pieces;
}

/** The older accepted proposal whose words touch a set-aside one's. */
function collider(entry: Placed, accepted: Placed[]): Placed | undefined {
	return accepted.find(
		(other) =>
			other.range.type === entry.range.type &&
			other.proposal.createdAt <= entry.proposal.createdAt &&
			// One character more: an accepted deletion may take a neighbouring space along.
			other.range.from <= entry.range.to + 1 &&
			entry.range.from <= other.range.to + 1
	);
}

export function markedText(
	ydoc: Y.Doc,
	proposals: AttributedProposal[]
): { json: PmNode; proposals: NumberedProposal[] } {
	// Without garbage collection the copy keeps the deleted characters, to show them struck.
	const copy = new Y.Doc({ gc: false });
	Y.applyUpdate(copy, Y.encodeStateAsUpdate(ydoc));
	try {
		const fragment = copy.getXmlFragment(documentFragment);
		const order = readingOrder(fragment);
		// Every anchor is resolved before the copy changes, for the reading order.
		const placed: Placed[] = [];
		const outdated: AttributedProposal[] = [];
		for (const proposal of proposals) {
			const range = proposal.outdated ? null : resolveProposalRange(copy, proposal);
			if (!range || rangeText(range) !== proposal.quote) {
				outdated.push(proposal);
				continue;
			}
			placed.push({ proposal, range, order: order.get(range.type) ?? 0 });
		}
		placed.sort(
			(a, b) =>
				a.order - b.order ||
				a.range.from - b.range.from ||
				a.range.to - b.range.to ||
				a.proposal.createdAt - b.proposal.createdAt
		);
		const numberOf = new Map(placed.map((entry, i) => [entry, i + 1]));

		// Accept all, oldest first, each proposal as its own client so its new words are its own.
		const before = Y.snapshot(copy);
		const accepted: Placed[] = [];
		const setAside: Placed[] = [];
		/** What each accepted proposal deleted, in the order of acceptance. */
		const deletedBy: DeleteSet[] = [];
		const stepOfClient = new Map<number, number>();
		const ownClient = copy.clientID;
		for (const entry of [...placed].sort(byCreation)) {
			let client = ownClient + accepted.length + 1;
			while (before.sv.has(client) || stepOfClient.has(client)) client++;
			copy.clientID = client;
			let applied = false;
			let deleted: DeleteSet | undefined;
			const record = (transaction: Y.Transaction) => (deleted = transaction.deleteSet);
			copy.once('afterTransaction', record);
			copy.transact(() => {
				applied = applyProposal(copy, entry.proposal) !== null;
			});
			if (!applied || !deleted) {
				setAside.push(entry);
				continue;
			}
			stepOfClient.set(client, accepted.length);
			accepted.push(entry);
			deletedBy.push(deleted);
		}
		copy.clientID = ownClient;

		const attrsOf = new Map<Placed, ProposalMarkAttrs>();
		for (const entry of placed) {
			attrsOf.set(entry, {
				proposalId: entry.proposal.id,
				number: numberOf.get(entry)!,
				organisation: entry.proposal.organisationName ?? unknownOrganisation,
				author: entry.proposal.authorName ?? unknownAuthor,
				createdAt: entry.proposal.createdAt,
				setAside: []
			});
		}
		const collisions = new Map<Placed, number>();
		for (const entry of setAside) {
			const older = collider(entry, accepted);
			if (!older) continue;
			collisions.set(entry, numberOf.get(older)!);
			const { number, organisation, author } = attrsOf.get(entry)!;
			attrsOf.get(older)!.setAside.push({ number, organisation, author });
		}

		// Only the texts the proposals changed are written anew.
		const rewritten = texts(fragment)
			.map((text) => ({ text, pieces: piecesOf(text, before, deletedBy, stepOfClient) }))
			.filter(({ pieces }) => pieces.some((piece) => piece.change));
		copy.transact(() => {
			for (const { text, pieces } of rewritten) {
				text.delete(0, text.length);
				let index = 0;
				for (const piece of pieces) {
					const attributes: Record<string, unknown> = { ...piece.formatting };
					if (piece.change) {
						const attrs = attrsOf.get(accepted[piece.change.step])!;
						const mark =
							piece.change.type === 'removed' ? proposalDeletionMark : proposalInsertionMark;
						// Given attributes replace those around the point: new words carry only their
						// own formatting and mark.
						attributes[attributeName(mark, attrs.number)] = attrs;
					}
					text.insert(index, piece.text, attributes);
					index += piece.text.length;
				}
			}
		});

		const numbered: NumberedProposal[] = [
			...placed.map((entry) => ({
				...entry.proposal,
				number: numberOf.get(entry)!,
				setAside: setAside.includes(entry),
				collidesWith: collisions.get(entry) ?? null
			})),
			...outdated.map((proposal, i) => ({
				...proposal,
				outdated: true,
				number: placed.length + i + 1,
				setAside: false,
				collidesWith: null
			}))
		];
		return { json: jsonFromYDoc(copy), proposals: numbered };
	} finally {
		copy.destroy();
	}
}

/** The proposal marks on a piece of text: the deletion it belongs to, or the insertion it is. */
export function proposalMarks(marks: PmMark[] = []): {
	deletion?: ProposalMarkAttrs;
	insertion?: ProposalMarkAttrs;
	others: PmMark[];
} {
	let deletion: ProposalMarkAttrs | undefined;
	let insertion: ProposalMarkAttrs | undefined;
	const others: PmMark[] = [];
	for (const mark of marks) {
		if (mark.type === proposalDeletionMark) deletion = mark.attrs as unknown as ProposalMarkAttrs;
		else if (mark.type === proposalInsertionMark)
			insertion = mark.attrs as unknown as ProposalMarkAttrs;
		else others.push(mark);
	}
	return { deletion, insertion, others };
}
