// The sources a passage gained and lost between two states of a text (two versions, or a version
// and the current text), by block id, as the comparison shows them.
import { passages } from '../../editor/passages';
import type { PmNode } from '../../editor/pm-node';
import { describeSource, type LinkedSource } from './source-details';

export interface SourceChanges {
	added: string[];
	removed: string[];
}

function keysByBlock(links: readonly LinkedSource[]): Map<string, Map<string, LinkedSource>> {
	const byBlock = new Map<string, Map<string, LinkedSource>>();
	for (const link of links) {
		let keys = byBlock.get(link.blockId);
		if (!keys) byBlock.set(link.blockId, (keys = new Map()));
		keys.set(link.source.key, link);
	}
	return byBlock;
}

/** Per block id, the sources added and removed; blocks without a change are left out. */
export function sourceChanges(
	older: readonly LinkedSource[],
	newer: readonly LinkedSource[]
): Map<string, SourceChanges> {
	const before = keysByBlock(older);
	const after = keysByBlock(newer);
	const changes = new Map<string, SourceChanges>();
	for (const blockId of new Set([...before.keys(), ...after.keys()])) {
		const was = before.get(blockId) ?? new Map<string, LinkedSource>();
		const is = after.get(blockId) ?? new Map<string, LinkedSource>();
		const added = [...is].filter(([key]) => !was.has(key)).map(([, l]) => describeSource(l.source));
		const removed = [...was]
			.filter(([key]) => !is.has(key))
			.map(([, l]) => describeSource(l.source));
		if (added.length || removed.length) changes.set(blockId, { added, removed });
	}
	return changes;
}

export interface PassageSourceChanges extends SourceChanges {
	/** "Abschnitt 5.3": the newer text's number, or the older's for a passage no longer in it. */
	title: string;
}

/** The changes in the order of the newer text, then those of passages only the older one has;
 * links to passages in neither text are left out. */
export function passageSourceChanges(
	older: { json: PmNode; links: readonly LinkedSource[] },
	newer: { json: PmNode; links: readonly LinkedSource[] }
): PassageSourceChanges[] {
	const changes = sourceChanges(older.links, newer.links);
	const ordered = [
		...passages(newer.json).map((p) => ({ ...p, title: `Abschnitt ${p.number}` })),
		...passages(older.json).map((p) => ({
			...p,
			title: `Abschnitt ${p.number} der älteren Fassung (nicht mehr im Text)`
		}))
	];
	const done = new Set<string>();
	const result: PassageSourceChanges[] = [];
	for (const passage of ordered) {
		const found = passage.blockId ? changes.get(passage.blockId) : undefined;
		if (!found || done.has(passage.blockId!)) continue;
		done.add(passage.blockId!);
		result.push({ title: passage.title, ...found });
	}
	return result;
}
