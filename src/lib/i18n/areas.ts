/**
 * The participant pages' messages come in areas (messages/<area>/), and a page loads only the
 * areas its components speak from, in its language: a phone at the poll does not download the
 * board's texts. Staff and projection pages are German and take every area.
 */
export const messageAreas = ['participant', 'join', 'board', 'poll', 'refusals'] as const;
export type MessageArea = (typeof messageAreas)[number];

/** What only the server says (refusals of actions and loads): never loaded by a browser. */
const serverOnlyAreas: readonly MessageArea[] = ['refusals'];
const pageAreas = messageAreas.filter((area) => !serverOnlyAreas.includes(area));

/** Participant routes and the areas their components use besides the shell's. */
const participantRoutes: [RegExp, MessageArea[]][] = [
	[/^\/\(participant\)\/join(\/|$)/, ['join']],
	[/^\/\(participant\)\/teilnahme\/\[slug\]$/, ['join', 'poll']],
	[/^\/\(participant\)\/teilnahme\/\[slug\]\/umfrage$/, ['poll']],
	[/^\/\(participant\)\/teilnahme\/\[slug\]\/pinnwand\/\[board\]$/, ['board']]
];

export function areasOf(routeId: string | null): MessageArea[] {
	if (!routeId?.startsWith('/(participant)/')) return pageAreas;
	const match = participantRoutes.find(([pattern]) => pattern.test(routeId));
	return ['participant', ...(match?.[1] ?? [])];
}
