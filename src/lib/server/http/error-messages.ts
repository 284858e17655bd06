// What people read when SvelteKit refuses a request by itself or something breaks: the framework's
// own messages are English and sometimes technical.
import { formBodyMessages } from './form-body';

const messages: Record<number, string> = {
	400: 'Die Anfrage ist ungültig. Bitte laden Sie die Seite neu.',
	404: 'Diese Seite gibt es nicht.',
	405: 'Diese Adresse nimmt diese Art von Anfrage nicht an.',
	413: 'Die Anfrage ist zu groß.',
	415: formBodyMessages.unsupported
};

export function frameworkErrorMessage(status: number): string {
	return (
		messages[status] ??
		(status >= 500
			? 'Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es später noch einmal.'
			: 'Die Anfrage konnte nicht bearbeitet werden.')
	);
}
