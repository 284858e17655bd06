// How event things are named on every page: kinds of organisation, dates.

export const maxWorkingGroups = 20;
export const organisationTypeLabels = {
	verwaltung: 'Verwaltung',
	politik: 'Politik',
	traeger: 'Träger',
	wohlfahrtsverband: 'Wohlfahrtsverband',
	jobcenter: 'Jobcenter',
	sonstige: 'Sonstige'
} as const;

export type OrganisationTypeName = keyof typeof organisationTypeLabels;

/** "Mittwoch, 11. Juni 2025" from "2025-06-11", read as a calendar day (no time zone shift);
 * in another language with its `Intl` locale (intlLocaleOf). */
export function formatEventDate(isoDate: string, intlLocale = 'de-DE'): string {
	const [year, month, day] = isoDate.split('-').map(Number);
	if (!year || !month || !day) return isoDate;
	return new Intl.DateTimeFormat(intlLocale, {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(new Date(Date.UTC(year, month - 1, day)));
}

/** The join code in two groups of three, easier to read off a projector: "ACK 47M". */
export function spacedJoinCode(code: string): string {
	return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

/** Hosts a phone in the room cannot reach: the moderator must set ORIGIN. */
export function isLocalOrigin(origin: string): boolean {
	let host: string;
	try {
		host = new URL(origin).hostname;
	} catch {
		return true;
	}
	return (
		host === 'localhost' ||
		host.endsWith('.localhost') ||
		host === '[::1]' ||
		host === '0.0.0.0' ||
		/^127\./.test(host)
	);
}
