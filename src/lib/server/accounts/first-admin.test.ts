import { describe, expect, it } from 'vitest';
import { runSeeds } from '../db/seeds';
import { createTestDatabase } from '../db/test-database';
import { organisationsSeed } from '../workspace/organisations-seed';
import { createAdmin } from './first-admin';

describe('createAdmin', () => {
	it('refuses a name or an address with control or direction characters', async () => {
		const db = createTestDatabase();
		runSeeds(db, [organisationsSeed()]);
		const password = 'Ein-langes-Passwort-2026';
		await expect(
			createAdmin(db, { email: 'admin@kreis-unna.de', name: 'Ad\u202emin', password })
		).rejects.toThrow('Steuerzeichen');
		await expect(createAdmin(db, { email: 'ad\u0000min@kreis-unna.de', password })).rejects.toThrow(
			'Keine gültige E-Mail-Adresse'
		);
	});
});
