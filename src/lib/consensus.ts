// Consensus per passage, as the server and the browser both see it: which text a mark refers to
// (the block's text, hashed the same way on both sides, so "veraltet" shows live), which passages
// are marked at all (content, not headings, unless a document counts them), the marks as the
// server sends them, how a section stands, and the words for them.
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { isContentPassage, passageNumbers } from './editor/passages';
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
	/** The block's node type: heading, paragraph, listItem, tableRow … */
	type: string;
	/** A heading's level. */
	level?: number;
}

const excerptLength = 80;

function excerptOf(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > excerptLength ? `${flat.slice(0, excerptLength - 1).trimEnd()}…` : flat;
}

/** Every numbered passage of a document (as the margin numbers them) that carries a block id,
 * headings included. */
export function numberedPassages(doc: PmNode): ConsensusPassage[] {
	const found: ConsensusPassage[] = [];
	for (const [node, number] of passageNumbers(doc)) {
		const blockId = node.attrs?.id;
		if (typeof blockId !== 'string') continue;
		const level = node.attrs?.level;
		found.push({
			blockId,
			number,
			excerpt: excerptOf(passageText(node)),
			hash: passageHash(node),
			type: node.type,
			...(typeof level === 'number' ? { level } : {})
		});
	}
	return found;
}

/** Whether signatories mark this passage: content always, headings where the document's editors
 * chose "Überschriften mitzählen". */
export const countsForConsensus = (type: string, countHeadings: boolean): boolean =>
	countHeadings || isContentPassage(type);

/** A heading and the marked passages of its section: what follows it up to the next heading of
 * the same or a higher rank; with headings counted, the heading and its subheadings too. */
export interface Section<P> {
	heading: P;
	members: P[];
}

export function sectionsOf<P extends { type: string; level?: number }>(
	passages: P[],
	countHeadings: boolean
): Section<P>[] {
	const sections: Section<P>[] = [];
	passages.forEach((heading, index) => {
		if (heading.type !== 'heading') return;
		const members = countHeadings ? [heading] : [];
		for (const next of passages.slice(index + 1)) {
			if (next.type === 'heading' && (next.level ?? 0) <= (heading.level ?? 0)) break;
			if (countsForConsensus(next.type, countHeadings)) members.push(next);
		}
		sections.push({ heading, members });
	});
	return sections;
}

/** How a body stands on a whole section: agreed only when it agreed to every passage in it; a
 * concern anywhere is a concern of the section, an outdated mark makes it outdated. */
export function sectionStance(stances: BodyStance[]): BodyStance {
	if (stances.includes('concern')) return 'concern';
	if (stances.includes('outdated')) return 'outdated';
	return stances.length > 0 && stances.every((stance) => stance === 'agree') ? 'agree' : 'none';
}

/** The counts of a section: per body its section stance, from the current marks and each
 * member's current hash. */
export function sectionCounts(
	marks: ConsensusMark[],
	bodies: number,
	members: { blockId: string; hash: string | undefined }[]
): StanceCounts {
	const marked = new Set(marks.map((mark) => mark.organisationId));
	return countStances(
		[...marked].map((body) =>
			sectionStance(
				members.map(({ blockId, hash }) =>
					stanceOf(
						marks.find((mark) => mark.blockId === blockId && mark.organisationId === body),
						hash
					)
				)
			)
		),
		bodies
	);
}

/** "2.1–2.5": the passages a section's state covers. */
export function sectionRange(members: { number: string }[]): string {
	if (members.length === 0) return '';
	const first = members[0].number;
	const last = members[members.length - 1].number;
	return first === last ? first : `${first}–${last}`;
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
	/** Whether headings were marked too; missing in records from before the choice existed, when
	 * they always were. */
	countHeadings?: boolean;
	/** How many passages were marked in all. */
	passageCount?: number;
	/** Each section's state (missing in older records). */
	sections?: { number: string; excerpt: string; range: string; counts: StanceCounts }[];
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
