import * as ar from '$lib/paraglide/messages/ar.js';
import * as de from '$lib/paraglide/messages/de.js';
import * as deEs from '$lib/paraglide/messages/de-x-es.js';
import * as en from '$lib/paraglide/messages/en.js';
import * as pl from '$lib/paraglide/messages/pl.js';
import * as ru from '$lib/paraglide/messages/ru.js';
import * as tr from '$lib/paraglide/messages/tr.js';
import * as uk from '$lib/paraglide/messages/uk.js';
import type { ParticipantLocale } from '$lib/i18n/locales';
import { asMessages, type Messages } from '$lib/i18n/messages';

/** On the server every language is at hand at once, for the messages actions answer with. */
const byLocale: Record<ParticipantLocale, Messages> = {
	de: asMessages(de),
	'de-x-es': asMessages(deEs),
	en: asMessages(en),
	tr: asMessages(tr),
	uk: asMessages(uk),
	ru: asMessages(ru),
	pl: asMessages(pl),
	ar: asMessages(ar)
};

export function messagesFor(locale: ParticipantLocale): Messages {
	return byLocale[locale];
}
