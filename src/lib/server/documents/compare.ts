// Word-level comparison of two texts. Blocks (headings, paragraphs, list items, quotes) are
// paired by their stable ids, so an edited paragraph is compared with its own earlier state and
// a moved or new one shows as inserted; inside a pair the words are compared.
import { diffArrays, diffWords } from 'diff';
import { passages } from '../../editor/passages';
import type { PmNode } from './markdown';

export type BlockType = 'heading' | 'paragraph' | 'listItem' | 'quote';

export interface TextBlock {
	id: string | null;
	type: BlockType;
	/** Heading level, or list depth (1 for a top-level item). */
	level: number;
	text: string;
}

export interface ComparedPart {
	op: 'same' | 'insert' | 'delete';
	text: string;
}

export interface ComparedBlock {
	status: 'same' | 'changed' | 'inserted' | 'deleted';
	/** The block's id in the newer text (the older one's for deleted blocks). */
	id: string | null;
	type: BlockType;
	level: number;
	/** The passage number (of the newer text; of the older one for deleted blocks). */
	number: string | null;
	/** True when only the kind of block changed (e.g. a paragraph became a heading). */
	formatChanged: boolean;
	parts: ComparedPart[];
}

export interface Comparison {
	blocks: ComparedBlock[];
	insertions: number;
	deletions: number;
	/** Insertions, deletions and format changes together. */
	changes: number;
}

function inlineText(node: PmNode): string {
	if (node.type === 'text') return node.text ?? '';
	if (node.type === 'hardBreak') return '\n';
	return (node.content ?? []).map(inlineText).join('');
}

/** The blocks of a text in reading order, as the comparison pairs them. */
export function textBlocks(doc: PmNode): TextBlock[] {
	const blocks: TextBlock[] = [];
	const id = (node: PmNode) => (typeof node.attrs?.id === 'string' ? node.attrs.id : null);
	function walk(node: PmNode, depth: number, inQuote: boolean): void {
		switch (node.type) {
			case 'heading':
				blocks.push({
					id: id(node),
					type: 'heading',
					level: Number(node.attrs?.level) || 1,
					text: inlineText(node)
				});
				return;
			case 'paragraph':
				blocks.push({
					id: id(node),
					type: inQuote ? 'quote' : 'paragraph',
					level: 0,
					text: inlineText(node)
				});
				return;
			case 'listItem': {
				const own = (node.content ?? []).filter((child) => !child.type.endsWith('List'));
				blocks.push({
					id: id(node),
					type: 'listItem',
					level: depth,
					text: own.map(inlineText).join('\n')
				});
				for (const child of node.content ?? []) {
					if (child.type.endsWith('List')) walk(child, depth + 1, inQuote);
				}
				return;
			}
			case 'bulletList':
			case 'orderedList':
				for (const child of node.content ?? []) walk(child, depth === 0 ? 1 : depth, inQuote);
				return;
			case 'blockquote':
				for (const child of node.content ?? []) walk(child, depth, true);
				return;
			default:
				for (const child of node.content ?? []) walk(child, depth, inQuote);
		}
	}
	walk(doc, 0, false);
	// Empty paragraphs (the editor keeps one at the end) are layout, not text to compare.
	const filled = blocks.filter((block) => block.text.trim() !== '');
	// Ids pair blocks only where they are unique (a pasted copy could repeat one).
	const counts = new Map<string, number>();
	for (const block of filled) if (block.id) counts.set(block.id, (counts.get(block.id) ?? 0) + 1);
	return filled.map((block) =>
		block.id && counts.get(block.id) !== 1 ? { ...block, id: null } : block
	);
}

function sameBlock(a: TextBlock, b: TextBlock): boolean {
	return a.id !== null && b.id !== null ? a.id === b.id : a.text === b.text;
}

export function compareTexts(older: PmNode, newer: PmNode): Comparison {
	const oldBlocks = textBlocks(older);
	const newBlocks = textBlocks(newer);
	const numberIn = (doc: PmNode) => {
		const numbers = new Map(passages(doc).map((p) => [p.blockId, p.number]));
		return (block: TextBlock) => (block.id ? (numbers.get(block.id) ?? null) : null);
	};
	const oldNumber = numberIn(older);
	const newNumber = numberIn(newer);
	const blocks: ComparedBlock[] = [];
	let insertions = 0;
	let deletions = 0;
	let formatChanges = 0;
	let oldIndex = 0;
	let newIndex = 0;
	for (const change of diffArrays(oldBlocks, newBlocks, { comparator: sameBlock })) {
		const count = change.count ?? change.value.length;
		if (change.removed) {
			for (const block of oldBlocks.slice(oldIndex, oldIndex + count)) {
				blocks.push({
					...block,
					number: oldNumber(block),
					status: 'deleted',
					formatChanged: false,
					parts: [{ op: 'delete', text: block.text }]
				});
				deletions++;
			}
			oldIndex += count;
		} else if (change.added) {
			for (const block of newBlocks.slice(newIndex, newIndex + count)) {
				blocks.push({
					...block,
					number: newNumber(block),
					status: 'inserted',
					formatChanged: false,
					parts: [{ op: 'insert', text: block.text }]
				});
				insertions++;
			}
			newIndex += count;
		} else {
			for (let i = 0; i < count; i++) {
				const before = oldBlocks[oldIndex + i];
				const after = newBlocks[newIndex + i];
				const parts: ComparedPart[] = diffWords(before.text, after.text).map((part) => ({
					op: part.added ? 'insert' : part.removed ? 'delete' : 'same',
					text: part.value
				}));
				const inserted = parts.filter((p) => p.op === 'insert').length;
				const deleted = parts.filter((p) => p.op === 'delete').length;
				const formatChanged = before.type !== after.type || before.level !== after.level;
				insertions += inserted;
				deletions += deleted;
				if (formatChanged) formatChanges++;
				blocks.push({
					id: after.id,
					number: newNumber(after),
					type: after.type,
					level: after.level,
					status: inserted + deleted > 0 || formatChanged ? 'changed' : 'same',
					formatChanged,
					parts
				});
			}
			oldIndex += count;
			newIndex += count;
		}
	}
	return { blocks, insertions, deletions, changes: insertions + deletions + formatChanges };
}
