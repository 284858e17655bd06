// The conference sources on the public transparency page: per passage of an adopted version, the
// sources frozen with it, anonymous and under the rule for small groups (events/small-groups.ts):
// a source is named on its own only when at least three people stand behind it (a card's dots,
// each person once; the people who chose a poll option). A single answer is one person's words
// and is never named; what is not named is only counted.
import { numberedPassages } from '../../consensus';
import type { PmNode } from '../../editor/pm-node';
import { smallestGroup } from '../events/small-groups';
import { describeSource, type LinkedSource, type SourceDetail } from './source-details';

export interface PublicPassage {
	/** "Abschnitt 5.3" */
	title: string;
	excerpt: string;
	sources: string[];
	/** Sources with fewer than three people behind them: counted, not named. */
	unnamed: number;
}

function peopleBehind(source: SourceDetail): number {
	return source.kind === 'poll-answer' ? 1 : source.votes;
}

export function publicPassageSources(
	json: PmNode,
	links: readonly LinkedSource[]
): PublicPassage[] {
	return numberedPassages(json).flatMap((passage) => {
		const linked = links.filter((link) => link.blockId === passage.blockId);
		if (linked.length === 0) return [];
		const named = linked.filter((link) => peopleBehind(link.source) >= smallestGroup);
		return [
			{
				title: `Abschnitt ${passage.number}`,
				excerpt: passage.excerpt,
				sources: named.map((link) => describeSource(link.source)),
				unnamed: linked.length - named.length
			}
		];
	});
}
