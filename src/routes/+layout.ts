import { areasOf } from '$lib/i18n/areas';
import { loadMessages } from '$lib/i18n/messages';

/** The page's messages: the areas it speaks from, in its language only. */
export async function load({ data, route }) {
	return { ...data, messages: await loadMessages(data.locale, areasOf(route.id)) };
}
