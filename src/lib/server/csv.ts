// CSV for German spreadsheet programs: semicolon-separated fields, quoted where needed.

/** Quotes a CSV field; a leading =, +, - or @ is defused so spreadsheets do not run it. */
export function csvField(value: string): string {
	const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
