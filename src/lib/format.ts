// Dates and times as the pages show them: German, in Europe/Berlin whatever the server's zone.
const dateTime = new Intl.DateTimeFormat('de-DE', {
	dateStyle: 'medium',
	timeStyle: 'short',
	timeZone: 'Europe/Berlin'
});
const longDateTime = new Intl.DateTimeFormat('de-DE', {
	dateStyle: 'long',
	timeStyle: 'short',
	timeZone: 'Europe/Berlin'
});

/** "25.11.2026, 09:20" */
export function formatDateTime(date: Date): string {
	return dateTime.format(date);
}

/** "25. November 2026 um 09:20" */
export function formatLongDateTime(date: Date): string {
	return longDateTime.format(date);
}

const timestamp = new Intl.DateTimeFormat('de-DE', {
	dateStyle: 'medium',
	timeStyle: 'medium',
	timeZone: 'Europe/Berlin'
});

/** "25.11.2026, 09:20:31": to the second, for logs. */
export function formatTimestamp(date: Date): string {
	return timestamp.format(date);
}
