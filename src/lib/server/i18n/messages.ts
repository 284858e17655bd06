import { messageAreas } from '$lib/i18n/areas';
import { participantLocales, type ParticipantLocale } from '$lib/i18n/locales';
import { asMessages, modulePath, type Messages } from '$lib/i18n/messages';

/** On the server every area in every language is at hand at once, for what actions answer. */
const modules = import.meta.glob<object>(['/src/lib/paraglide/*/messages/*.js', '!**/_index.js'], {
	eager: true
});

const byLocale = new Map<ParticipantLocale, Messages>(
	participantLocales.map((locale) => [
		locale,
		asMessages(Object.assign({}, ...messageAreas.map((area) => modules[modulePath(area, locale)])))
	])
);

export function messagesFor(locale: ParticipantLocale): Messages {
	return byLocale.get(locale)!;
}
