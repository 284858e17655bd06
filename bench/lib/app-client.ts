// Talking to our app over HTTP the way a browser does: form posts with the page's Origin and
// cookies, without the browser. (tests/support/actors.ts has the same form body, but bound to
// Playwright's request context, which worker processes should not load.)

function formBody(fields: Record<string, string | string[]>): string {
	const body = new URLSearchParams();
	for (const [key, value] of Object.entries(fields)) {
		for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
	}
	return body.toString();
}

export class AppSession {
	readonly cookies = new Map<string, string>();

	constructor(readonly baseUrl: string) {}

	get cookieHeader(): string {
		return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
	}

	private keepCookies(response: Response): void {
		for (const line of response.headers.getSetCookie()) {
			const [pair] = line.split(';');
			const separator = pair.indexOf('=');
			this.cookies.set(pair.slice(0, separator).trim(), pair.slice(separator + 1).trim());
		}
	}

	/**
	 * Submits a form action. `enhanced` sends it as SvelteKit's progressive enhancement does from
	 * a hydrated page (JSON answer, no page render); otherwise as a plain HTML form.
	 */
	async postForm(
		path: string,
		fields: Record<string, string | string[]>,
		{ enhanced = false } = {}
	): Promise<Response> {
		const response = await fetch(new URL(path, this.baseUrl), {
			method: 'POST',
			body: formBody(fields),
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				origin: this.baseUrl,
				cookie: this.cookieHeader,
				...(enhanced
					? { accept: 'application/json', 'x-sveltekit-action': 'true' }
					: { accept: 'text/html' })
			},
			redirect: 'manual'
		});
		this.keepCookies(response);
		return response;
	}
}

export async function signIn(baseUrl: string, email: string, password: string) {
	const session = new AppSession(baseUrl);
	const response = await session.postForm('/anmelden', { email, password, weiter: '/' });
	await response.arrayBuffer();
	if (response.status !== 303) throw new Error(`Anmeldung scheiterte mit ${response.status}.`);
	return session;
}

/** An anonymous participant who joined an event by its code, as a phone does. */
export async function joinEvent(baseUrl: string, joinCode: string, workingGroupId: string) {
	const session = new AppSession(baseUrl);
	const response = await session.postForm(`/join/${joinCode}?/join`, {
		displayName: '',
		workingGroupId
	});
	await response.arrayBuffer();
	if (response.status !== 303) throw new Error(`Beitritt scheiterte mit ${response.status}.`);
	return session;
}
