// The annex "Herkunft der Abschnitte": for each passage of the exported text that has sources,
// its number and its sources in sentences, in the order of the text. Built once here; each export
// format only renders it. Sources of passages no longer in the text are left out.
import { passages } from '../../editor/passages';
import type { PmNode } from '../../editor/pm-node';
import { describeSource, type LinkedSource } from './source-details';

export const annexHeading = 'Herkunft der Abschnitte';
export const annexIntro =
	'Aus welchen Ergebnissen von Konferenzen die Abschnitte stammen: Karten mit ihren Punkten, Umfrageergebnisse und Antworten. Namen von Teilnehmenden werden nicht genannt.';
export const annexEmpty = 'Kein Abschnitt ist mit Ergebnissen einer Konferenz verknüpft.';
export const annexNotRecorded =
	'Diese Fassung wurde festgehalten, bevor Quellen mit den Fassungen gespeichert wurden.';

export interface AnnexPassage {
	/** "5.3" */
	number: string;
	/** "Abschnitt 5.3" */
	title: string;
	sources: string[];
}

export interface Annex {
	passages: AnnexPassage[];
	/** Why the list is empty, when it is. */
	note: string | null;
}

/** `links` null: a version frozen before its sources were recorded. */
export function provenanceAnnex(json: PmNode, links: readonly LinkedSource[] | null): Annex {
	if (links === null) return { passages: [], note: annexNotRecorded };
	const byBlock = new Map<string, LinkedSource[]>();
	for (const link of links) {
		const list = byBlock.get(link.blockId);
		if (list) list.push(link);
		else byBlock.set(link.blockId, [link]);
	}
	const seen = new Set<string>();
	const entries: AnnexPassage[] = [];
	for (const passage of passages(json)) {
		const linked = passage.blockId ? byBlock.get(passage.blockId) : undefined;
		// A pasted copy can repeat a block id: its sources are listed once, at the first.
		if (!linked || seen.has(passage.blockId!)) continue;
		seen.add(passage.blockId!);
		entries.push({
			number: passage.number,
			title: `Abschnitt ${passage.number}`,
			sources: linked.map((link) => describeSource(link.source))
		});
	}
	return { passages: entries, note: entries.length ? null : annexEmpty };
}

const textNode = (text: string): PmNode[] => [{ type: 'text', text }];

/** The annex below its heading as document blocks, for the formats that draw a text's blocks
 * themselves (Word, PDF): the intro, then per passage a heading and the list of its sources. */
export function annexBody(annex: Annex): PmNode {
	return {
		type: 'doc',
		content: [
			{ type: 'paragraph', content: textNode(annexIntro) },
			...(annex.note ? [{ type: 'paragraph', content: textNode(annex.note) }] : []),
			...annex.passages.flatMap((passage) => [
				{ type: 'heading', attrs: { level: 3 }, content: textNode(passage.title) },
				{
					type: 'bulletList',
					content: passage.sources.map((line) => ({
						type: 'listItem',
						content: [{ type: 'paragraph', content: textNode(line) }]
					}))
				}
			])
		]
	};
}
