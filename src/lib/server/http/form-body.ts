// Bodies that claim to be forms are checked before any action reads them: an action that fails
// to parse its body would answer 500, and one that reads no field would run on any bytes at all.
// BODY_SIZE_LIMIT stays high for the uploads of resolutions; text forms get a tighter bound.

/** The largest form anyone types (urlencoded, or multipart as enhanced forms send it): the longest
 * fields are a few thousand characters. Only uploads may be larger, bounded by BODY_SIZE_LIMIT. */
export const maxTextFormBytes = 1_000_000;

export interface FormBodyRefusal {
	status: 400 | 413 | 415;
	message: string;
}

export const formBodyMessages = {
	tooLarge: 'Das Formular ist zu groß. Bitte kürzen Sie Ihre Eingaben.',
	unreadable:
		'Das Formular ist beschädigt und konnte nicht gelesen werden. Bitte laden Sie die Seite neu.',
	unsupported:
		'Diese Art von Formular nimmt die Anwendung nicht an. Bitte senden Sie das Formular aus dem Browser.'
} as const;

function mediaType(request: Request): string {
	return (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
}

/** Reads a refused body to its end without keeping it: a server that answers while the client is
 * still sending makes the client see a reset connection instead of the answer. */
async function discard(request: Request): Promise<void> {
	const reader = request.body?.getReader();
	if (!reader) return;
	while (!(await reader.read()).done) {
		// only draining
	}
}

function isBodyTooLarge(error: unknown): boolean {
	return typeof error === 'object' && error !== null && 'status' in error && error.status === 413;
}

/** Reads a copy of the body, but stops as soon as it passes `limit`: false then, and nothing
 * beyond the limit was kept or parsed. */
async function fitsWithin(request: Request, limit: number): Promise<boolean> {
	const reader = request.clone().body?.getReader();
	if (!reader) return true;
	let bytes = 0;
	for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
		bytes += chunk.value.byteLength;
		if (bytes > limit) {
			// Not awaited: cancelling one branch of a cloned body settles only once the other
			// (the request itself, drained by the caller) is done too.
			reader.cancel().catch(() => undefined);
			return false;
		}
	}
	return true;
}

export interface FormBodyOptions {
	/** Whether this request may carry an upload (a signed-in member on a route that takes files);
	 * every other form is held to maxTextFormBytes before anything parses it. */
	mayUpload: boolean;
}

/**
 * Null when the request carries no form, or a form that can be read; otherwise why not.
 * SvelteKit itself answers other content types with 415 before an action runs.
 */
export async function checkFormBody(
	request: Request,
	options: FormBodyOptions = { mayUpload: false }
): Promise<FormBodyRefusal | null> {
	if (request.method !== 'POST') return null;
	const type = mediaType(request);
	// SvelteKit counts text/plain as a form (HTML can send it); the platform cannot parse it.
	if (type === 'text/plain') return { status: 415, message: formBodyMessages.unsupported };
	if (type !== 'application/x-www-form-urlencoded' && type !== 'multipart/form-data') return null;
	const limit = type === 'multipart/form-data' && options.mayUpload ? Infinity : maxTextFormBytes;
	try {
		const declared = Number(request.headers.get('content-length'));
		if (declared > limit || !(await fitsWithin(request, limit))) {
			await discard(request);
			return { status: 413, message: formBodyMessages.tooLarge };
		}
		if (type === 'multipart/form-data') await request.clone().formData();
		return null;
	} catch (error) {
		if (isBodyTooLarge(error)) return { status: 413, message: formBodyMessages.tooLarge };
		return { status: 400, message: formBodyMessages.unreadable };
	}
}
