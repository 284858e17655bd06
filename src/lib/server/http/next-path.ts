// Where to go after signing in. The target comes from the address bar or a form, so anyone can
// write it: only a path of this app may leave here, never something a browser would read as
// another host (`//host`, `/\host`, `/<tab>/host`, `/.//host`, or any of them percent-encoded).

/** Control characters (C0, DEL, C1) and backslashes, which browsers strip or read as slashes. */
// eslint-disable-next-line no-control-regex
const unsafeCharacters = /[\u0000-\u001f\u007f-\u009f\\]/;
/** Their percent-encoded ASCII forms and encoded slashes, through every layer of encoding (C1
 * characters show up once a layer is decoded). */
const unsafeEncoded = /%(?:[01][0-9a-f]|7f|5c|2f)/i;

/** Some base; any origin serves, since the result must come out at the same one. */
const parseBase = 'http://leitbild.invalid';

function looksSafe(candidate: string): boolean {
	let layer = candidate;
	// Each decoding layer is looked at, so that %2509 (an encoded %09) is caught as well.
	for (let depth = 0; depth < 4; depth++) {
		if (unsafeCharacters.test(layer)) return false;
		if (!layer.includes('%')) return true;
		if (unsafeEncoded.test(layer)) return false;
		let decoded: string;
		try {
			decoded = decodeURIComponent(layer);
		} catch {
			return false;
		}
		if (decoded === layer) return true;
		layer = decoded;
	}
	return false;
}

/**
 * The path to send someone to: the candidate when it is a path of this app, otherwise the
 * fallback. What is returned is the candidate as the URL parser understood it, so the browser
 * follows exactly what was checked.
 */
export function safeNextPath(candidate: string | null | undefined, fallback = '/'): string {
	if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//')) return fallback;
	if (!looksSafe(candidate)) return fallback;
	let url: URL;
	try {
		url = new URL(candidate, parseBase);
	} catch {
		return fallback;
	}
	if (url.origin !== parseBase) return fallback;
	const path = `${url.pathname}${url.search}${url.hash}`;
	// Dot segments can collapse into a protocol-relative address ("/.//host" → "//host").
	if (!path.startsWith('/') || path.startsWith('//')) return fallback;
	return path;
}
