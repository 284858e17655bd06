// The e-mails that carry an invitation or a password reset link: German text in one place.
import { formatLongDateTime } from '../../format';
import { describeRoles } from '../../roles';
import type { Role } from '../db/schema';
import { composeMail } from '../mail/compose';

export function invitationMail(input: {
	organisationName: string;
	inviterName: string;
	roles: Role[];
	url: string;
	expiresAt: Date;
}) {
	return {
		subject: `Einladung in die Leitbild-Werkstatt: ${input.organisationName}`,
		...composeMail({
			kind: 'invitation',
			greeting: 'Guten Tag,',
			paragraphs: [
				`${input.inviterName} lädt Sie ein, in der Leitbild-Werkstatt für ${input.organisationName} mitzuarbeiten (Rollen: ${describeRoles(input.roles)}).`,
				`Mit dem Link unten legen Sie Ihr Konto an oder melden sich mit Ihrem bestehenden Konto an. Der Link gilt einmal und bis ${formatLongDateTime(input.expiresAt)}.`
			],
			action: { label: 'Einladung annehmen', url: input.url }
		})
	};
}

export function passwordResetMail(input: { name: string; url: string; expiresAt: Date }) {
	return {
		subject: 'Neues Passwort für die Leitbild-Werkstatt',
		...composeMail({
			kind: 'password-reset',
			greeting: `Guten Tag ${input.name},`,
			paragraphs: [
				`für Ihr Konto in der Leitbild-Werkstatt wurde ein Link erstellt, mit dem Sie ein neues Passwort setzen. Er gilt einmal und bis ${formatLongDateTime(input.expiresAt)}.`,
				'Wenn Sie kein neues Passwort brauchen, beachten Sie diese E-Mail nicht: Ihr Passwort bleibt dann, wie es ist.'
			],
			action: { label: 'Neues Passwort setzen', url: input.url }
		})
	};
}
