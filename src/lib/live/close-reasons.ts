// Why the server closed a live connection: the German sentence it sends in the close frame (at
// most 123 bytes of UTF-8). The server closes with these; the pages say them in their reader's
// language by what they mean (src/lib/live/close-reason-text.ts) and show any other as it came.
export const closeReasons = {
	forbidden: 'Keine Berechtigung',
	boardDeleted: 'Pinnwand gelöscht',
	shortTextOnly: 'Nur kurze Textnachrichten',
	gone: 'Nicht mehr vorhanden',
	permissionEnded: 'Berechtigung beendet',
	serverStopping: 'Server wird beendet',
	readOnly: 'Nur lesend',
	tooManyMessages: 'Zu viele Nachrichten',
	tooManyForPerson:
		'Zu viele offene Verbindungen von Ihnen zu dieser Seite. Bitte schließen Sie andere Fenster.',
	tooManyForAddress: 'Zu viele Verbindungen von Ihrem Netzanschluss. Neuer Versuch folgt.'
} as const;

export type CloseReason = keyof typeof closeReasons;

/** What a close reason means, or null for one this list does not know. */
export function closeReasonOf(text: string): CloseReason | null {
	const found = Object.entries(closeReasons).find(([, sentence]) => sentence === text);
	return found ? (found[0] as CloseReason) : null;
}
