// Consensus per passage, as the server and the browser both see it: which text a mark refers to
// (the block's text, hashed the same way on both sides, so "veraltet" shows live), the marks as
// the server sends them, and the words for them.
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { passageNumbers } from './editor/passages';
import type { PmNode } from './editor/pm-node';

export type ConsensusStance = 'agree' | 'concern';

/** An adopting body's current mark on one passage (withdrawn marks are not sent). */
export interface ConsensusMark {
	blockId: string;
	organisationId: string;
	state: ConsensusStance;
	note: string | null;
	/** SHA-256 (hex) of the passage's text when it was marked. */
	textHash: string;
	/** Null when the account no longer exists. */
	userName: string | null;
	createdAt: number;
}

export interface AdoptingBody {
	id: string;
	name: string;
	shortName: string;
}

/** How one body stands on one passage right now. */
export type BodyStance = 'agree' | 'concern' | 'outdated' | 'none';

export const bodyStanceLabels: Record<BodyStance, string> = {
	agree: 'einverstanden',
	concern: 'Bedenken',
	outdated: 'veraltet',
	none: 'keine Rückmeldung'
};

export const maxConsensusNoteLength = 1000;

/** The text a mark refers to: the block's text nodes in order, blocks inside it (a list item's
 * paragraphs) separated by a line break. Formatting does not count. */
export function passageText(node: PmNode): string {
	if (node.text !== undefined) return node.text;
	const children = node.content ?? [];
	const blocks = children.some((child) => child.text === undefined && child.type !== 'hardBreak');
	return children
		.map((child) => (child.type === 'hardBreak' ? '\n' : passageText(child)))
		.join(blocks ? '\n' : '');
}

/** SHA-256 (hex) of a passage's text; synchronous and the same in Node and in the browser. */
export function passageHash(node: PmNode): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(passageText(node))));
}

export interface ConsensusPassage {
	blockId: string;
	number: string;
	/** The first words, to recognise the passage in lists. */
	excerpt: string;
	hash: string;
}

const excerptLength = 80;

function excerptOf(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > excerptLength ? `${flat.slice(0, excerptLength - 1).trimEnd()}…` : flat;
}

/** The numbered passages of a document (as the margin numbers them) that carry a block id. */
export function consensusPassages(doc: PmNode): ConsensusPassage[] {
	const found: ConsensusPassage[] = [];
	for (const [node, number] of passageNumbers(doc)) {
		const blockId = node.attrs?.id;
		if (typeof blockId !== 'string') continue;
		found.push({ blockId, number, excerpt: excerptOf(passageText(node)), hash: passageHash(node) });
	}
	return found;
}

/** A body's stance on a passage, given its current mark and the passage's current hash. */
export function stanceOf(
	mark: ConsensusMark | undefined,
	currentHash: string | undefined
): BodyStance {
	if (!mark) return 'none';
	if (currentHash !== undefined && mark.textHash !== currentHash) return 'outdated';
	return mark.state;
}

export interface StanceCounts {
	agree: number;
	concern: number;
	outdated: number;
	bodies: number;
}

export function countStances(stances: BodyStance[], bodies: number): StanceCounts {
	const counts: StanceCounts = { agree: 0, concern: 0, outdated: 0, bodies };
	for (const stance of stances) if (stance !== 'none') counts[stance]++;
	return counts;
}

/** "8 von 11 einverstanden · 2 Bedenken · 1 veraltet": text, not colour, carries the state. */
export function countsText(counts: StanceCounts): string {
	const parts = [`${counts.agree} von ${counts.bodies} einverstanden`];
	if (counts.concern > 0) parts.push(`${counts.concern} Bedenken`);
	if (counts.outdated > 0) parts.push(`${counts.outdated} veraltet`);
	return parts.join(' · ');
}

/** The same, short enough to stand beside the text on a phone: "8/11 · 2 Bedenken". */
export function countsShortText(counts: StanceCounts): string {
	const parts = [`${counts.agree}/${counts.bodies}`];
	if (counts.concern > 0) parts.push(`${counts.concern} Bedenken`);
	if (counts.outdated > 0) parts.push(`${counts.outdated} veraltet`);
	return parts.join(' · ');
}

/** The consensus as a frozen version records it: per passage (with any mark) each body's
 * stance, with names as they were, so the record does not change when people or bodies do. */
export interface ConsensusSnapshot {
	bodies: number;
	passages: {
		number: string;
		blockId: string;
		excerpt: string;
		marks: {
			organisationId: string;
			organisationName: string;
			state: ConsensusStance;
			outdated: boolean;
			note: string | null;
			userName: string | null;
			createdAt: number;
		}[];
	}[];
}
