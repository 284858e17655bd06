import type * as German from '$lib/paraglide/messages/de.js';
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

/**
 * One chunk per language, loaded on demand: a phone downloads the texts of its own language only
 * (Paraglide's per-locale modules; its default index would bundle every language into each
 * message). Every language module exports every message: a unit test checks the keys.
 */
const loaders: Record<ParticipantLocale, () => Promise<Compiled>> = {
	de: () => import('$lib/paraglide/messages/de.js'),
	'de-x-es': () => import('$lib/paraglide/messages/de-x-es.js'),
	en: () => import('$lib/paraglide/messages/en.js'),
	tr: () => import('$lib/paraglide/messages/tr.js'),
	uk: () => import('$lib/paraglide/messages/uk.js'),
	ru: () => import('$lib/paraglide/messages/ru.js'),
	pl: () => import('$lib/paraglide/messages/pl.js'),
	ar: () => import('$lib/paraglide/messages/ar.js')
};

/** The compiled functions of messages without parameters do not read their argument. */
export function asMessages(compiled: Compiled): Messages {
	return compiled as unknown as Messages;
}

export async function loadMessages(locale: ParticipantLocale): Promise<Messages> {
	return asMessages(await loaders[locale]());
}
