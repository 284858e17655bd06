// How much of what the hall asked for the text already says: of the cards (a stack counts as one
// card) with at least a number of dots, how many are linked to a passage. One sentence per
// working group and one for the whole event, the same wording everywhere.
import { count } from '../../german';

export interface CoverageCard {
	/** The stack's dots, each person once (boards/stacks.ts). */
	votes: number;
	/** Linked to at least one passage (the card itself or a card of its stack). */
	used: boolean;
}

export interface Coverage {
	/** Cards with at least `threshold` dots. */
	considered: number;
	/** Of those, the ones in the text. */
	used: number;
	threshold: number;
	sentence: string;
}

export const defaultCoverageThreshold = 3;

function sentenceOf(considered: number, used: number, threshold: number): string {
	// "mit mindestens 0 Punkten" says nothing: with no minimum every card counts.
	const minimum = threshold > 0 ? ` mit mindestens ${count(threshold, 'Punkt', 'Punkten')}` : '';
	if (considered === 0) {
		return threshold > 0
			? `Keine Karte hat mindestens ${count(threshold, 'Punkt', 'Punkte')}.`
			: 'Noch keine Karten.';
	}
	if (used === 0) {
		return considered === 1
			? `Die eine Karte${minimum} ist noch nicht im Text aufgegriffen.`
			: `Keine der ${count(considered, 'Karte', 'Karten')}${minimum} ist im Text aufgegriffen.`;
	}
	const verb = used === 1 ? 'ist' : 'sind';
	return `${used} von ${count(considered, 'Karte', 'Karten')}${minimum} ${verb} im Text aufgegriffen.`;
}

export function coverage(cards: readonly CoverageCard[], threshold: number): Coverage {
	const considered = cards.filter((card) => card.votes >= threshold);
	const used = considered.filter((card) => card.used).length;
	return {
		considered: considered.length,
		used,
		threshold,
		sentence: sentenceOf(considered.length, used, threshold)
	};
}

export const coverageThresholdMax = 999;

/** The threshold from the page's address (`?mindestens=`): the default when not given, null when
 * it is no whole number from 0 to 999. */
export function coverageThreshold(param: string | null): number | null {
	if (param === null || param.trim() === '') return defaultCoverageThreshold;
	return /^[0-9]{1,3}$/.test(param.trim()) ? Number(param.trim()) : null;
}
