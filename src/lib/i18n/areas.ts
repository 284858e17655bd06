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

/**
 * The areas a route's components speak from besides the shell's: the participant pages', and the
 * staff and projection pages that show the boards and polls participants see (in German).
 */
const routeAreas: [RegExp, MessageArea][] = [
	[/^\/\(participant\)\/(join(\/|$)|teilnahme\/\[slug\]$)/, 'join'],
	[/\/pinnwand\/\[board\]/, 'board'],
	[/\/umfragen?(\/|$)|^\/\(participant\)\/teilnahme\/\[slug\]$/, 'poll']
];

export function areasOf(routeId: string | null): MessageArea[] {
	// No route: an error page for an unknown address, which may be any group's.
	if (routeId === null) return pageAreas;
	return [
		'participant',
		...routeAreas.filter(([pattern]) => pattern.test(routeId)).map(([, area]) => area)
	];
}
