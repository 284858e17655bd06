// Citation numbers of a document's passages, derived from its structure, the same in the editor's
// margin and in every export. The level-1 heading is the title (no number); each level-2 heading
// opens a section 1, 2, 3 …; level-3 headings, paragraphs, quotes and the items of a top-level
// list are the passages "<section>.<k>" within it. What is nested in a list item or a quote
// belongs to its passage. Blocks before the first section have no number, unless the document has
// no section at all: then its passages are simply 1, 2, 3 … Blocks without text are no passages,
// so an empty line typed between two paragraphs does not move the numbers of the ones after it.
import type { PmNode } from './pm-node';

/** A top-level block (or the item of a top-level list) as the numbering rule sees it. */
export interface OutlineBlock<R> {
	type: string;
	level?: number;
	empty: boolean;
	ref: R;
	/** The items of a list. */
	items?: OutlineBlock<R>[];
}

export interface NumberedBlock<R> {
	ref: R;
	number: string;
	type: string;
}

const passageTypes = new Set(['heading', 'paragraph', 'blockquote']);
const listTypes = new Set(['bulletList', 'orderedList']);
const isSection = (block: OutlineBlock<unknown>) => block.type === 'heading' && block.level === 2;

/** Whether a numbered passage is text to agree on (paragraph, quote, list item, table row …)
 * rather than a heading, which only names what follows it. */
export const isContentPassage = (type: string): boolean => type !== 'heading';

export function numberOutline<R>(blocks: OutlineBlock<R>[]): NumberedBlock<R>[] {
	const sectioned = blocks.some(isSection);
	const numbered: NumberedBlock<R>[] = [];
	let section = 0;
	let k = 0;
	const add = (block: OutlineBlock<R>) => {
		if (block.empty) return;
		k++;
		numbered.push({
			ref: block.ref,
			type: block.type,
			number: sectioned ? `${section}.${k}` : String(k)
		});
	};
	for (const block of blocks) {
		if (block.type === 'heading' && block.level === 1) continue;
		if (isSection(block)) {
			section++;
			k = 0;
			numbered.push({ ref: block.ref, type: block.type, number: String(section) });
			continue;
		}
		if (sectioned && section === 0) continue;
		if (listTypes.has(block.type)) (block.items ?? []).forEach(add);
		else if (passageTypes.has(block.type)) add(block);
	}
	return numbered;
}

function hasText(node: PmNode): boolean {
	if (node.text !== undefined) return node.text.trim() !== '';
	return (node.content ?? []).some(hasText);
}

function jsonOutline(doc: PmNode): OutlineBlock<PmNode>[] {
	return (doc.content ?? []).map((node) => ({
		type: node.type,
		level: typeof node.attrs?.level === 'number' ? node.attrs.level : undefined,
		empty: !hasText(node),
		ref: node,
		items: listTypes.has(node.type)
			? (node.content ?? []).map((item) => ({ type: item.type, empty: !hasText(item), ref: item }))
			: undefined
	}));
}

/** The number of each numbered block of a ProseMirror JSON document, by node. */
export function passageNumbers(doc: PmNode): Map<PmNode, string> {
	return new Map(numberOutline(jsonOutline(doc)).map(({ ref, number }) => [ref, number]));
}

export interface Passage {
	blockId: string | null;
	number: string;
	type: string;
}

/** The numbered passages of a ProseMirror JSON document, in order. */
export function passages(doc: PmNode): Passage[] {
	return numberOutline(jsonOutline(doc)).map(({ ref, number, type }) => ({
		blockId: typeof ref.attrs?.id === 'string' ? ref.attrs.id : null,
		number,
		type
	}));
}

/** The part of a live ProseMirror node the rule reads (structural, so this module needs no
 * editor import). */
export interface LiveNode {
	type: { name: string };
	attrs: Record<string, unknown>;
	textContent: string;
	nodeSize: number;
	forEach(callback: (child: LiveNode, offset: number) => void): void;
}

/** The numbered blocks of a live editor document, each with its position in the document. */
export function livePassages(doc: LiveNode): { pos: number; number: string; type: string }[] {
	const outline: OutlineBlock<number>[] = [];
	doc.forEach((node, offset) => {
		const items: OutlineBlock<number>[] = [];
		if (listTypes.has(node.type.name)) {
			// A list's content starts one position after the list's own opening.
			node.forEach((item, itemOffset) =>
				items.push({
					type: item.type.name,
					empty: item.textContent.trim() === '',
					ref: offset + 1 + itemOffset
				})
			);
		}
		outline.push({
			type: node.type.name,
			level: typeof node.attrs.level === 'number' ? node.attrs.level : undefined,
			empty: node.textContent.trim() === '',
			ref: offset,
			items
		});
	});
	return numberOutline(outline).map(({ ref, number, type }) => ({ pos: ref, number, type }));
}
