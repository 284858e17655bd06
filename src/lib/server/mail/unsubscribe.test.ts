import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../db/test-database';
import { readUnsubscribeToken, unsubscribeToken, unsubscribeUrl } from './unsubscribe';

const lea = '6f1c1b8e-2a39-4c53-9a4e-1f2d3c4b5a69';

describe('unsubscribe links', () => {
	it('name the person and the kind, and are read back only as signed', () => {
		const db = createTestDatabase();
		const token = unsubscribeToken(db, lea, 'mention');
		expect(readUnsubscribeToken(db, token)).toEqual({ userId: lea, kind: 'mention' });
		expect(unsubscribeToken(db, lea, 'mention')).toBe(token);

		const [, , signature] = token.split('.');
		const other = '0b7f7c43-1d11-4f55-8d5e-2a1b3c4d5e6f';
		expect(readUnsubscribeToken(db, `${other}.mention.${signature}`)).toBeUndefined();
		expect(readUnsubscribeToken(db, `${lea}.weekly-digest.${signature}`)).toBeUndefined();
		expect(readUnsubscribeToken(db, `${lea}.invitation.${signature}`)).toBeUndefined();
		expect(readUnsubscribeToken(db, `${lea}.mention.${'0'.repeat(32)}`)).toBeUndefined();
		expect(readUnsubscribeToken(db, `${token}.mehr`)).toBeUndefined();
		expect(readUnsubscribeToken(db, 'kaputt')).toBeUndefined();
	});

	it('do not work on another installation (another key)', () => {
		const token = unsubscribeToken(createTestDatabase(), lea, 'mention');
		expect(readUnsubscribeToken(createTestDatabase(), token)).toBeUndefined();
	});

	afterEach(() => vi.unstubAllEnvs());

	it('point to the page of this installation', () => {
		vi.stubEnv('ORIGIN', 'https://leitbild.example');
		expect(unsubscribeUrl(createTestDatabase(), lea, 'mention')).toMatch(
			new RegExp(`^https://leitbild\\.example/e-mail-abbestellen/${lea}\\.mention\\.[0-9a-f]{32}$`)
		);
	});
});
