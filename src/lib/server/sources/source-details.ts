// A linked source as the text's readers see it, without who wrote it: what a version freezes,
// what the export annex, the comparison and the public page are built from.
import { count, quoted } from '../../german';

export type SourceDetail =
	| {
			kind: 'card';
			/** The same source in two versions has the same key. */
			key: string;
			eventTitle: string;
			group: string;
			column: string;
			text: string;
			/** The stack's dots, each person once. */
			votes: number;
	  }
	| {
			kind: 'poll-option';
			key: string;
			eventTitle: string;
			question: string;
			option: string;
			/** The people who chose the option. */
			votes: number;
			/** The people who answered the question; null when not known. */
			respondents: number | null;
	  }
	| {
			kind: 'poll-answer';
			key: string;
			eventTitle: string;
			question: string;
			text: string;
	  };

/** A passage (by its block id) and one of its sources. */
export interface LinkedSource {
	blockId: string;
	source: SourceDetail;
}

const percent = (part: number, whole: number) => Math.round((part / whole) * 100);

/** One source in one sentence, the same in every export and on every page. */
export function describeSource(source: SourceDetail): string {
	switch (source.kind) {
		case 'card':
			return `Karte ${quoted(source.text)} – ${source.eventTitle}, ${source.group}, Spalte ${quoted(source.column)}, ${count(source.votes, 'Punkt', 'Punkte')}`;
		case 'poll-option': {
			const result =
				source.respondents && source.respondents > 0
					? `${source.votes} von ${count(source.respondents, 'Person', 'Personen')} (${percent(source.votes, source.respondents)} %)`
					: count(source.votes, 'Stimme', 'Stimmen');
			return `Umfrage ${quoted(source.question)} – ${source.eventTitle}: Antwort ${quoted(source.option)}, ${result}`;
		}
		case 'poll-answer':
			return `Antwort auf ${quoted(source.question)} – ${source.eventTitle}: ${quoted(source.text)}`;
	}
}
