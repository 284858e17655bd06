// Links that turn one kind of mail off without signing in: `<user>.<kind>.<signature>`, signed
// with a key kept in the database (so a restore keeps old links working, and nothing is to be
// configured). The link changes one choice of one person, nothing else, so it needs no expiry.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../db/database';
import { databaseMeta } from '../db/schema';
import { absoluteUrl } from './compose';
import { isOptionalMailKind, type OptionalMailKind } from './kinds';

const keyName = 'mail_unsubscribe_key';

function signingKey(db: AppDatabase): Buffer {
	const stored = db.select().from(databaseMeta).where(eq(databaseMeta.key, keyName)).get();
	if (stored) return Buffer.from(stored.value, 'hex');
	db.insert(databaseMeta)
		.values({ key: keyName, value: randomBytes(32).toString('hex') })
		.onConflictDoNothing()
		.run();
	return signingKey(db);
}

function signature(db: AppDatabase, userId: string, kind: string): Buffer {
	return createHmac('sha256', signingKey(db)).update(`${userId}\n${kind}`).digest().subarray(0, 16);
}

export function unsubscribeToken(db: AppDatabase, userId: string, kind: OptionalMailKind): string {
	return `${userId}.${kind}.${signature(db, userId, kind).toString('hex')}`;
}

export function readUnsubscribeToken(
	db: AppDatabase,
	token: string
): { userId: string; kind: OptionalMailKind } | undefined {
	const [userId, kind, given, ...rest] = token.split('.');
	if (rest.length > 0 || !userId || !kind || !given || !isOptionalMailKind(kind)) return undefined;
	if (!/^[0-9a-f]{32}$/.test(given)) return undefined;
	const expected = signature(db, userId, kind);
	return timingSafeEqual(expected, Buffer.from(given, 'hex')) ? { userId, kind } : undefined;
}

/** The page where the person turns this kind off in one click; every optional mail links it. */
export function unsubscribeUrl(db: AppDatabase, userId: string, kind: OptionalMailKind): string {
	return absoluteUrl(`/e-mail-abbestellen/${unsubscribeToken(db, userId, kind)}`);
}
