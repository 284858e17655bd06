// The fingerprint of a text: SHA-256 of its ProseMirror JSON written with sorted keys, so the same
// text gives the same hash whatever order the keys were built in, on any machine, after restarts.
import { createHash } from 'node:crypto';

/** JSON with the keys of every object sorted; undefined values are left out as JSON does. */
export function canonicalJson(value: unknown): string {
	if (value === null || typeof value !== 'object') return JSON.stringify(value);
	if (Array.isArray(value))
		return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
	const entries = Object.entries(value as Record<string, unknown>)
		.filter(([, item]) => item !== undefined)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

export function contentHash(json: unknown): string {
	return createHash('sha256').update(canonicalJson(json)).digest('hex');
}

/** What the pages show of a hash: its first 8 hex digits. */
export function shortHash(hash: string): string {
	return hash.slice(0, 8);
}
