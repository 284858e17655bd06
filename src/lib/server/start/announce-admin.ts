import type { CreatedAdmin } from '../accounts/first-admin';
import { log } from '../log';

/** Shown once on the console, never logged again: the only way to learn a generated password. */
export function announceAdmin(created: CreatedAdmin): void {
	if (!created.generatedPassword) {
		log.info('app.admin_created', { email: created.email });
		return;
	}
	console.log(
		[
			'',
			'=================================================================',
			'  Leitbild-Werkstatt: erster Administrator angelegt',
			`  E-Mail:   ${created.email}`,
			`  Passwort: ${created.generatedPassword}`,
			'  Dieses Passwort wird nur jetzt angezeigt. Bitte ändern Sie es',
			'  nach der Anmeldung unter „Mein Konto“.',
			'=================================================================',
			''
		].join('\n')
	);
}
