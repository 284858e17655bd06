// What the server tells pages about polls: questions, tallies and the live state per viewer.
// Shared by the server, which computes it, and the pages, which show it.
import type { Attendance } from '$lib/attendance';

export type PollQuestionType = 'single' | 'multiple' | 'ranking' | 'scale' | 'text';
export type PollQuestionStatus = 'draft' | 'open' | 'closed';

export interface PollQuestionView {
	id: string;
	type: PollQuestionType;
	prompt: string;
	options: string[];
	maxChoices: number | null;
	scale: { min: number; max: number; minLabel: string; maxLabel: string } | null;
	allowChange: boolean;
	status: PollQuestionStatus;
	/** Shown on the phones and the projector; the moderator's "Ergebnis zeigen". */
	resultsVisible: boolean;
	/** The projector shows the counts as they come in, before the results are shown. */
	projectionLive: boolean;
}

export interface OptionCount {
	label: string;
	count: number;
	/** Of the people who answered, rounded to whole percent. */
	percent: number;
}

export interface RankedOption {
	label: string;
	/** 1 is first place; null when nobody has ranked yet. */
	averagePosition: number | null;
	firstPlaces: number;
}

export interface WordCount {
	word: string;
	count: number;
}

export interface TextAnswer {
	id: string;
	text: string;
	hidden: boolean;
}

export type Tally =
	| { type: 'single' | 'multiple'; respondents: number; options: OptionCount[] }
	| { type: 'ranking'; respondents: number; options: RankedOption[] }
	| {
			type: 'scale';
			respondents: number;
			distribution: OptionCount[];
			/** Rounded to one decimal; null without answers. */
			average: number | null;
	  }
	| { type: 'text'; respondents: number; words: WordCount[]; answers: TextAnswer[] };

/** A participant's own answer, to show it again and to pre-fill the form. */
export interface OwnAnswer {
	choices: number[] | null;
	scaleValue: number | null;
	text: string | null;
}

export interface ParticipantQuestion extends PollQuestionView {
	ownAnswer: OwnAnswer | null;
	/** Only when the moderator shows results to participants. */
	tally: Tally | null;
	/** For rankings: the order this person starts from, shuffled for them and the same on every
	 * load, so that no option gains from being listed first. */
	startOrder: number[] | null;
}

export interface StaffQuestion extends PollQuestionView {
	tally: Tally;
	projected: boolean;
}

/** The question on the projector. The counts are left out until they may be shown: what the
 * projector is sent is what the hall could read. */
export interface ProjectedQuestion extends PollQuestionView {
	respondents: number;
	tally: Tally | null;
}

export interface ParticipantPollState {
	viewer: 'participant';
	questions: ParticipantQuestion[];
}

export interface StaffPollState {
	viewer: 'staff';
	questions: StaffQuestion[];
	attendance: Attendance;
}

export interface ProjectionPollState {
	viewer: 'projection';
	question: ProjectedQuestion | null;
	attendance: Attendance;
}

export type PollState = ParticipantPollState | StaffPollState | ProjectionPollState;
