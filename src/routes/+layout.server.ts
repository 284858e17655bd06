export function load({ locals, url }) {
	// Read so that SvelteKit asks again on every navigation: a link from a participant page to a
	// German page (the footer's) changes the language without a page load.
	void url.pathname;
	return { locale: locals.locale };
}
