/** Where to go after signing in: only a path of this app, never another site. */
export function safeNextPath(candidate: string | null | undefined, fallback = '/'): string {
	if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//')) return fallback;
	if (candidate.startsWith('/\\') || /[\r\n]/.test(candidate)) return fallback;
	return candidate;
}
