// Sessions after the Lucia guide: a token `<id>.<secret>` in an HttpOnly cookie, only the SHA-256
// of the secret in the database, compared in constant time; expiry slides while the person is
// active.
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import type { Cookies } from '@sveltejs/kit';
import { and, eq, lt, ne } from 'drizzle-orm';
import { announce } from '../db/changes';
import type { AppDatabase } from '../db/database';
import { session, user, type SessionRow, type User } from '../db/schema';
import { generateToken, hashSecret } from './tokens';

export const sessionCookieName = 'lw_sitzung';
const dayMs = 24 * 60 * 60 * 1000;
/** A session ends after two weeks without use. */
export const sessionLifetimeMs = 14 * dayMs;
/** Extend at most once an hour, so reading a page does not write each time. */
const renewAfterMs = 60 * 60 * 1000;

export interface SessionValidation {
	session: SessionRow;
	user: User;
	/** True when the expiry moved and the cookie needs the new date. */
	renewed: boolean;
}

export function createSession(db: AppDatabase, userId: string, now = new Date()) {
	const id = generateToken();
	const secret = generateToken();
	const row = {
		id,
		secretHash: Buffer.from(hashSecret(secret)),
		userId,
		createdAt: now,
		expiresAt: new Date(now.getTime() + sessionLifetimeMs)
	};
	db.insert(session).values(row).run();
	return { token: `${id}.${secret}`, expiresAt: row.expiresAt };
}

export function validateSessionToken(
	db: AppDatabase,
	token: string,
	now = new Date()
): SessionValidation | null {
	const [id, secret, ...rest] = token.split('.');
	if (!id || !secret || rest.length > 0 || id.length > 64 || secret.length > 64) return null;
	const found = db
		.select({ session, user })
		.from(session)
		.innerJoin(user, eq(session.userId, user.id))
		.where(eq(session.id, id))
		.get();
	if (!found) return null;
	if (!constantTimeEqual(hashSecret(secret), new Uint8Array(found.session.secretHash))) {
		return null;
	}
	if (found.session.expiresAt.getTime() <= now.getTime() || found.user.deactivatedAt) {
		db.delete(session).where(eq(session.id, id)).run();
		return null;
	}
	const renewAt = found.session.expiresAt.getTime() - sessionLifetimeMs + renewAfterMs;
	if (now.getTime() >= renewAt) {
		const expiresAt = new Date(now.getTime() + sessionLifetimeMs);
		db.update(session).set({ expiresAt }).where(eq(session.id, id)).run();
		return { session: { ...found.session, expiresAt }, user: found.user, renewed: true };
	}
	return { ...found, renewed: false };
}

export function invalidateSession(db: AppDatabase, sessionId: string): void {
	db.delete(session).where(eq(session.id, sessionId)).run();
	announce(db, { topic: 'access' });
}

/** Ends every session of a person, or every one but the current. */
export function invalidateUserSessions(db: AppDatabase, userId: string, exceptId?: string): void {
	const mine = eq(session.userId, userId);
	db.delete(session)
		.where(exceptId ? and(mine, ne(session.id, exceptId)) : mine)
		.run();
	announce(db, { topic: 'access' });
}

/** Signs everyone out: after a restore, sessions ended since the backup must not come back. */
export function invalidateAllSessions(db: AppDatabase): void {
	db.delete(session).run();
	announce(db, { topic: 'access' });
}

export function deleteExpiredSessions(db: AppDatabase, now = new Date()): void {
	db.delete(session).where(lt(session.expiresAt, now)).run();
}

export function setSessionCookie(
	cookies: Cookies,
	token: string,
	expiresAt: Date,
	secure: boolean
) {
	cookies.set(sessionCookieName, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		expires: expiresAt
	});
}

export function deleteSessionCookie(cookies: Cookies, secure: boolean) {
	cookies.delete(sessionCookieName, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
