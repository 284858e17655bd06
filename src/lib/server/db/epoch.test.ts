import { describe, expect, it } from 'vitest';
import { databaseEpoch, renewDatabaseEpoch } from './epoch';
import { createTestDatabase } from './test-database';

describe('database epoch', () => {
	it('is set once and stays until renewed', () => {
		const db = createTestDatabase();
		const first = databaseEpoch(db);
		expect(first).toMatch(/^[a-z2-7]{24}$/);
		expect(databaseEpoch(db)).toBe(first);
		const renewed = renewDatabaseEpoch(db);
		expect(renewed).not.toBe(first);
		expect(databaseEpoch(db)).toBe(renewed);
	});
});
