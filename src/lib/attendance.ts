// How many of an event's participants are there: the same two numbers, in the same words, on the
// moderator's console, the event's page and every projection.

export interface Attendance {
	/** Participant identities of the event: everyone who joined by code and is not deleted. */
	joined: number;
	/** Of those, who has a page of the event open right now (a live connection that answers). */
	connected: number;
}

/** "12 dabei · 9 verbunden" */
export function attendanceText({ joined, connected }: Attendance): string {
	return `${joined} dabei · ${connected} verbunden`;
}
