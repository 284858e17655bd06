import { describe, expect, it } from 'vitest';
import { recordChanges } from '../db/changes-test-support';
import { createTestDatabase } from '../db/test-database';
import { session, user } from '../db/schema';
import {
	createSession,
	invalidateAllSessions,
	invalidateSession,
	invalidateUserSessions,
	sessionLifetimeMs,
	validateSessionToken
} from './session';

function databaseWithUser() {
	const db = createTestDatabase();
	db.insert(user).values({ id: 'u1', email: 'a@kamen.de', name: 'A', passwordHash: 'x' }).run();
	return db;
}

describe('sessions', () => {
	it('stores only a hash of the secret and validates the token', () => {
		const db = databaseWithUser();
		const { token } = createSession(db, 'u1');
		const [id, secret] = token.split('.');
		const row = db.select().from(session).get()!;
		expect(row.id).toBe(id);
		expect(Buffer.from(row.secretHash).toString('utf8')).not.toContain(secret);
		expect(validateSessionToken(db, token)?.user.id).toBe('u1');
	});

	it('refuses a forged secret, a malformed token and an unknown id', () => {
		const db = databaseWithUser();
		const { token } = createSession(db, 'u1');
		const [id] = token.split('.');
		expect(validateSessionToken(db, `${id}.aaaaaaaaaaaaaaaaaaaaaaaa`)).toBeNull();
		expect(validateSessionToken(db, 'kein-token')).toBeNull();
		expect(validateSessionToken(db, `${id}.x.y`)).toBeNull();
		expect(validateSessionToken(db, 'unbekannt.geheim')).toBeNull();
	});

	it('slides the expiry while in use, and ends it after the lifetime', () => {
		const db = databaseWithUser();
		const start = new Date('2026-01-01T08:00:00Z');
		const { token } = createSession(db, 'u1', start);
		const later = new Date(start.getTime() + 2 * 60 * 60 * 1000);
		const renewed = validateSessionToken(db, token, later)!;
		expect(renewed.renewed).toBe(true);
		expect(renewed.session.expiresAt.getTime()).toBe(later.getTime() + sessionLifetimeMs);
		const expired = new Date(later.getTime() + sessionLifetimeMs + 1);
		expect(validateSessionToken(db, token, expired)).toBeNull();
		expect(db.select().from(session).all()).toHaveLength(0);
	});

	it('ends every session of a person but the one kept', () => {
		const db = databaseWithUser();
		const kept = createSession(db, 'u1');
		const other = createSession(db, 'u1');
		invalidateUserSessions(db, 'u1', kept.token.split('.')[0]);
		expect(validateSessionToken(db, kept.token)).not.toBeNull();
		expect(validateSessionToken(db, other.token)).toBeNull();
	});
});

describe('session changes', () => {
	it('has open connections checked again when sessions end', async () => {
		const db = databaseWithUser();
		const told = recordChanges(db);
		const { token } = createSession(db, 'u1');
		expect(await told()).toEqual([]);
		invalidateSession(db, token.split('.')[0]);
		expect(await told()).toEqual([{ topic: 'access' }]);
		invalidateUserSessions(db, 'u1');
		expect(await told()).toEqual([{ topic: 'access' }]);
		invalidateAllSessions(db);
		expect(await told()).toEqual([{ topic: 'access' }]);
	});
});
