// Citation numbers of a document's passages, derived from its structure, the same in the editor's
// margin and in every export. The level-1 heading is the title (no number); each level-2 heading
// opens a section 1, 2, 3 …; level-3 headings, paragraphs, quotes and the items of a top-level
// list are the passages "<section>.<k>" within it. What is nested in a list item or a quote
// belongs to its passage. A table is no passage itself: each of its body rows is one, numbered
// like list items (its header row, whose cells are all header cells, names the columns and has
// no number); a row's cells belong to it. Blocks before the first section have no number, unless the document has
// no section at all: then its passages are simply 1, 2, 3 … Blocks without text are no passages,
// so an empty line typed between two paragraphs does not move the numbers of the ones after it.
import type { PmNode } from './pm-node';

/** A top-level block (or the item of a top-level list) as the numbering rule sees it. */
export interface OutlineBlock<R> {
	type: string;
	level?: number;
	empty: boolean;
	ref: R;
	/** The items of a list, the body rows of a table. */
	items?: OutlineBlock<R>[];
}

export interface NumberedBlock<R> {
	ref: R;
	number: string;
	type: string;
}

const passageTypes = new Set(['heading', 'paragraph', 'blockquote']);
const listTypes = new Set(['bulletList', 'orderedList']);
/** Blocks whose parts are the passages: the items of a list, the rows of a table. */
const containerTypes = new Set([...listTypes, 'table']);

/** The parts of a container that are passages: a table's header row is not. */
function isPassagePart(container: string, cellTypes: string[]): boolean {
	return container !== 'table' || cellTypes.some((type) => type !== 'tableHeader');
}
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
		if (containerTypes.has(block.type)) (block.items ?? []).forEach(add);
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
		items: containerTypes.has(node.type)
			? (node.content ?? [])
					.filter((item) =>
						isPassagePart(
							node.type,
							(item.content ?? []).map((cell) => cell.type)
						)
					)
					.map((item) => ({ type: item.type, empty: !hasText(item), ref: item }))
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
		if (containerTypes.has(node.type.name)) {
			// A container's content starts one position after its own opening.
			node.forEach((item, itemOffset) => {
				const cellTypes: string[] = [];
				item.forEach((cell) => cellTypes.push(cell.type.name));
				if (!isPassagePart(node.type.name, cellTypes)) return;
				items.push({
					type: item.type.name,
					empty: item.textContent.trim() === '',
					ref: offset + 1 + itemOffset
				});
			});
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
