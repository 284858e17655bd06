// The kinds of e-mail the app sends, and which of them a person may turn off under "Mein Konto".

export const mailKinds = [
	'invitation',
	'password-reset',
	'adoption-reminder',
	'comment-reply',
	'mention',
	'proposal-decision',
	'weekly-digest'
] as const;
export type MailKind = (typeof mailKinds)[number];

/** Invitations and reset links are what the person asked for: they always go out. */
export const optionalMailKinds = mailKinds.filter(
	(kind) => kind !== 'invitation' && kind !== 'password-reset'
) as Exclude<MailKind, 'invitation' | 'password-reset'>[];
export type OptionalMailKind = (typeof optionalMailKinds)[number];

export function isOptionalMailKind(kind: string): kind is OptionalMailKind {
	return (optionalMailKinds as string[]).includes(kind);
}

/** Without a choice of their own, people get every kind but the weekly digest (opt-in). */
export function defaultMailPreference(kind: MailKind): boolean {
	return kind !== 'weekly-digest';
}

/** How "Mein Konto" and the outbox name each kind. */
export const mailKindLabels: Record<MailKind, string> = {
	invitation: 'Einladung',
	'password-reset': 'Link zum Zurücksetzen des Passworts',
	'adoption-reminder': 'Erinnerungen an Beschlusstermine',
	'comment-reply': 'Antworten auf meine Kommentare',
	mention: 'Erwähnungen (@Name) in Kommentaren',
	'proposal-decision': 'Entscheidungen über meine Änderungsvorschläge',
	'weekly-digest': 'Wöchentliche Zusammenfassung der Änderungen an meinen Texten'
};

/** Why a person gets a mail of this kind: the first sentence of every footer. */
export const mailKindReasons: Record<MailKind, string> = {
	invitation: 'Sie erhalten diese E-Mail, weil Sie in die Leitbild-Werkstatt eingeladen wurden.',
	'password-reset':
		'Sie erhalten diese E-Mail, weil für Ihr Konto ein neues Passwort angefordert wurde.',
	'adoption-reminder': 'Sie erhalten diese E-Mail, weil Sie den Beschluss einer Kommune begleiten.',
	'comment-reply': 'Sie erhalten diese E-Mail, weil jemand auf Ihren Kommentar geantwortet hat.',
	mention: 'Sie erhalten diese E-Mail, weil Sie in einem Kommentar erwähnt wurden.',
	'proposal-decision':
		'Sie erhalten diese E-Mail, weil über Ihren Änderungsvorschlag entschieden wurde.',
	'weekly-digest':
		'Sie erhalten diese E-Mail, weil Sie die wöchentliche Zusammenfassung bestellt haben.'
};
