// Each person's caret colour, derived from their id so it stays the same across sessions. All
// colours carry white text at a contrast of at least 4.5:1.
const palette = [
	'#1d4ed8',
	'#b91c1c',
	'#047857',
	'#7c3aed',
	'#b45309',
	'#0e7490',
	'#be185d',
	'#4d7c0f'
];

export function userColour(userId: string): string {
	let hash = 0;
	for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
	return palette[hash % palette.length];
}
