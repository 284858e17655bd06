import { getContext, setContext } from 'svelte';
import { directionOf, type ParticipantLocale } from './locales';
import type { Messages } from './messages';

/**
 * The language a page speaks, for every component below the root layout. Read through getters,
 * so a change of language (a new root layout load) reaches every component that reads it.
 */
export class Translation {
	readonly #messages: () => Messages;
	readonly #locale: () => ParticipantLocale;

	constructor(messages: () => Messages, locale: () => ParticipantLocale) {
		this.#messages = messages;
		this.#locale = locale;
	}

	/** The messages: `t.m.join_title()`. */
	get m(): Messages {
		return this.#messages();
	}

	get locale(): ParticipantLocale {
		return this.#locale();
	}

	get dir(): 'ltr' | 'rtl' {
		return directionOf(this.#locale());
	}
}

const key = Symbol('translation');

export function provideTranslation(translation: Translation): void {
	setContext(key, translation);
}

export function useTranslation(): Translation {
	const translation = getContext<Translation | undefined>(key);
	if (!translation) throw new Error('useTranslation() outside the root layout');
	return translation;
}
