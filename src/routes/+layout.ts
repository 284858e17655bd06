import { loadMessages } from '$lib/i18n/messages';

/** The page's messages, in its language only (one chunk per language). */
export async function load({ data }) {
	return { ...data, messages: await loadMessages(data.locale) };
}
