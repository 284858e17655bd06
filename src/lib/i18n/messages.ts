import type * as German from '$lib/paraglide/messages/de.js';
import type { MessageArea } from './areas';
import type { ParticipantLocale } from './locales';

type Compiled = typeof German;

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
export function asMessages(compiled: Compiled): Messages {
	return compiled as unknown as Messages;
}

/**
 * One chunk per area and language, loaded on demand (scripts/message-areas.ts writes them from
 * Paraglide's per-language modules; Paraglide's own index would put every language into each
 * message). A unit test checks that every language has every key.
 */
const areaModules = import.meta.glob<Partial<Compiled>>('/src/lib/paraglide/areas/*/*.js');

function moduleOf(area: MessageArea, locale: ParticipantLocale) {
	const load = areaModules[`/src/lib/paraglide/areas/${area}/${locale}.js`];
	if (!load) throw new Error(`Keine Texte für ${area} in ${locale}: npm run i18n`);
	return load();
}

/** The messages of the given areas in one language. A page reads only messages of its areas
 * (src/lib/i18n/areas.ts); the type names them all. */
export async function loadMessages(
	locale: ParticipantLocale,
	areas: readonly MessageArea[]
): Promise<Messages> {
	const modules = await Promise.all(areas.map((area) => moduleOf(area, locale)));
	return asMessages(Object.assign({}, ...modules) as Compiled);
}
