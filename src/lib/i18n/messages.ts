import type * as Board from '$lib/paraglide/board/messages/de.js';
import type * as Join from '$lib/paraglide/join/messages/de.js';
import type * as Participant from '$lib/paraglide/participant/messages/de.js';
import type * as Poll from '$lib/paraglide/poll/messages/de.js';
import type * as Refusals from '$lib/paraglide/refusals/messages/de.js';
import type { MessageArea } from './areas';
import type { ParticipantLocale } from './locales';

/** Every area's German module (scripts/compile-messages.ts compiles each area on its own). */
type Compiled = typeof Participant & typeof Join & typeof Board & typeof Poll & typeof Refusals;

/**
 * The participant pages' messages in one language: one function per message. Paraglide types a
 * message without parameters as taking an empty object; here it takes nothing.
 */
export type Messages = {
	[K in keyof Compiled]: Compiled[K] extends (inputs: infer I) => infer R
		? object extends I
			? (inputs?: I) => R
			: (inputs: I) => R
		: never;
};

/** The compiled functions of messages without parameters do not read their argument. */
export function asMessages(compiled: Partial<Compiled>): Messages {
	return compiled as unknown as Messages;
}

/** Where an area's module of a language is, as the bundler's glob names it. */
export function modulePath(area: MessageArea, locale: ParticipantLocale): string {
	return `/src/lib/paraglide/${area}/messages/${locale}.js`;
}

/**
 * One chunk per area and language, loaded on demand (Paraglide's per-language modules; its own
 * index would put every language into each message). A unit test checks that every language has
 * every key.
 */
const areaModules = import.meta.glob<Partial<Compiled>>([
	'/src/lib/paraglide/*/messages/*.js',
	'!**/_index.js',
	'!/src/lib/paraglide/refusals/**'
]);

/** The messages of the given areas in one language. A page reads only messages of its areas
 * (src/lib/i18n/areas.ts); the type names them all. */
export async function loadMessages(
	locale: ParticipantLocale,
	areas: readonly MessageArea[]
): Promise<Messages> {
	const modules = await Promise.all(
		areas.map((area) => {
			const load = areaModules[modulePath(area, locale)];
			if (!load) throw new Error(`Keine Texte für ${area} in ${locale}: npm run i18n`);
			return load();
		})
	);
	return asMessages(Object.assign({}, ...modules) as Partial<Compiled>);
}
