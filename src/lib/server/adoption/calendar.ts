// Days as councils count them: calendar dates in Europe/Berlin, whatever the server's zone.

const berlinDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' });

/** Today's date in Berlin as YYYY-MM-DD. */
export function berlinToday(now = new Date()): string {
	return berlinDay.format(now);
}

/** Whether a string is a real calendar date written YYYY-MM-DD (no 31 February). */
export function isCalendarDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const germanDate = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'UTC' });

/** "12.03.2027" for a YYYY-MM-DD date. */
export function formatCalendarDate(value: string): string {
	return germanDate.format(new Date(`${value}T00:00:00Z`));
}
