// Messages between the vote-burst benchmark and its participant workers.

export interface JoinCommand {
	type: 'join';
	baseUrl: string;
	joinCode: string;
	workingGroupIds: string[];
	participants: number;
}

export interface AnswerCommand {
	type: 'answer';
	slug: string;
	questionId: string;
	optionCount: number;
	/** When the burst begins, on the shared clock. */
	startAt: number;
	/** Every participant answers once at a random moment within this window. */
	windowMs: number;
}

export interface AnswerReport {
	type: 'answered';
	latencies: number[];
	accepted: number;
	/** Status codes of refused answers, with their counts. */
	refused: Record<string, number>;
	/** When the last answer's response arrived, on the shared clock. */
	lastAnsweredAt: number;
}

export type BurstCommand = JoinCommand | AnswerCommand;
export type BurstReport = { type: 'joined' } | AnswerReport | { type: 'error'; message: string };
