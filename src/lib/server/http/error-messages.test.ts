import { describe, expect, it } from 'vitest';
import { frameworkErrorMessage } from './error-messages';

describe('frameworkErrorMessage', () => {
	it('says in German what SvelteKit refused, and hides what broke', () => {
		expect(frameworkErrorMessage(404)).toBe('Diese Seite gibt es nicht.');
		expect(frameworkErrorMessage(415)).toMatch(/^Diese Art von Formular/);
		expect(frameworkErrorMessage(500)).toMatch(/^Ein unerwarteter Fehler/);
		expect(frameworkErrorMessage(422)).toBe('Die Anfrage konnte nicht bearbeitet werden.');
	});
});
