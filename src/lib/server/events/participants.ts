// The anonymous participant identity: a random token in a cookie scoped to one event (only its
// hash is stored), an optional display name, a working group, an optional affiliation, and a
// personal re-entry code for moving to another device. One device is one participant.
import type { ParticipantLocale } from '$lib/i18n/locales';
import type { Cookies } from '@sveltejs/kit';
import { and, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import { announce } from '../db/changes';
import type { AppDatabase } from '../db/database';
import { event, participant, type OrganisationType, type ParticipantRow } from '../db/schema';
import { generateToken, hashTokenHex } from '../auth/tokens';
import { randomCode, reentryCodeLength } from './join-codes';

export interface ParticipantProfile {
	displayName: string | null;
	workingGroupId: string | null;
	affiliationOrganisationId: string | null;
	organisationType: OrganisationType | null;
}

/** A joined participant and the secrets to hand them once: the cookie token and re-entry code. */
export interface Joined {
	participant: ParticipantRow;
	token: string;
	reentryCode: string;
}

const dayMs = 24 * 60 * 60 * 1000;
/** The cookie outlives the conference day, so the results can still be looked at next week. */
export const participantCookieLifetimeMs = 30 * dayMs;

/** One cookie per event, so joining a second event does not end the first identity. */
export function participantCookieName(eventId: string): string {
	return `lw_teilnahme_${eventId}`;
}

function reentryHash(eventId: string, code: string): string {
	return hashTokenHex(`${eventId}:${code}`);
}

/** Re-entry codes are unique per event; a clash is retried. */
function newReentryCode(db: AppDatabase, eventId: string): string {
	for (;;) {
		const code = randomCode(reentryCodeLength);
		const taken = db
			.select({ id: participant.id })
			.from(participant)
			.where(
				and(
					eq(participant.eventId, eventId),
					eq(participant.reentryHash, reentryHash(eventId, code))
				)
			)
			.get();
		if (!taken) return code;
	}
}

export function joinEvent(
	db: AppDatabase,
	eventId: string,
	profile: ParticipantProfile,
	now = new Date(),
	/** The language the join page spoke: this event's pages keep speaking it. */
	locale: ParticipantLocale | null = null
): Joined {
	const token = generateToken();
	const reentryCode = newReentryCode(db, eventId);
	const row: ParticipantRow = {
		id: crypto.randomUUID(),
		eventId,
		tokenHash: hashTokenHex(token),
		reentryHash: reentryHash(eventId, reentryCode),
		...profile,
		locale,
		joinedAt: now
	};
	db.insert(participant).values(row).run();
	announce(db, { topic: 'attendance', eventId });
	return { participant: row, token, reentryCode };
}

/** The cookie holds the token and, for showing it again, the participant's own re-entry code. */
export function participantCookieValue(joined: Pick<Joined, 'token' | 'reentryCode'>): string {
	return `${joined.token}.${joined.reentryCode}`;
}

export interface CookieParticipant {
	participant: ParticipantRow;
	/** The cookie's token, kept when the re-entry code changes. */
	token: string;
	/** Shown to the participant; null when the cookie's code is no longer the current one. */
	reentryCode: string | null;
}

/** The participant behind an event's cookie, if it belongs to this event. */
export function participantFromCookie(
	db: AppDatabase,
	eventId: string,
	value: string | undefined
): CookieParticipant | undefined {
	const [token, code, ...rest] = (value ?? '').split('.');
	if (!token || rest.length > 0 || token.length > 64) return undefined;
	const found = db
		.select()
		.from(participant)
		.where(and(eq(participant.tokenHash, hashTokenHex(token)), eq(participant.eventId, eventId)))
		.get();
	if (!found) return undefined;
	const current = code && code.length <= 16 && reentryHash(eventId, code) === found.reentryHash;
	return { participant: found, token, reentryCode: current ? code : null };
}

/**
 * Moves an identity to this device: the re-entry code finds the participant, who gets a new
 * cookie token and a new re-entry code. The old device is out, so a code shared around cannot
 * turn one person into several.
 */
export function rejoinWithCode(db: AppDatabase, eventId: string, code: string): Joined | undefined {
	const found = db
		.select()
		.from(participant)
		.where(
			and(eq(participant.eventId, eventId), eq(participant.reentryHash, reentryHash(eventId, code)))
		)
		.get();
	if (!found) return undefined;
	const token = generateToken();
	const reentryCode = newReentryCode(db, eventId);
	const updated = {
		tokenHash: hashTokenHex(token),
		reentryHash: reentryHash(eventId, reentryCode)
	};
	db.update(participant).set(updated).where(eq(participant.id, found.id)).run();
	// The old device's open connections end now, not at the next periodic check.
	announce(db, { topic: 'access' });
	return { participant: { ...found, ...updated }, token, reentryCode };
}

/** A fresh re-entry code for someone who lost theirs (the old one stops working). */
export function renewReentryCode(db: AppDatabase, participantId: string, eventId: string): string {
	const reentryCode = newReentryCode(db, eventId);
	db.update(participant)
		.set({ reentryHash: reentryHash(eventId, reentryCode) })
		.where(eq(participant.id, participantId))
		.run();
	return reentryCode;
}

export function updateProfile(db: AppDatabase, participantId: string, profile: ParticipantProfile) {
	db.update(participant).set(profile).where(eq(participant.id, participantId)).run();
}

/** A participant leaves and their identity is gone; what they contributed stays anonymous. */
export function deleteParticipant(db: AppDatabase, participantId: string) {
	const gone = db
		.delete(participant)
		.where(eq(participant.id, participantId))
		.returning({ eventId: participant.eventId })
		.get();
	if (!gone) return;
	announce(db, { topic: 'attendance', eventId: gone.eventId });
	announce(db, { topic: 'access' });
}

export function setParticipantCookie(
	cookies: Cookies,
	eventId: string,
	joined: Pick<Joined, 'token' | 'reentryCode'>,
	secure: boolean,
	now = new Date()
) {
	cookies.set(participantCookieName(eventId), participantCookieValue(joined), {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		expires: new Date(now.getTime() + participantCookieLifetimeMs)
	});
}

export function deleteParticipantCookie(cookies: Cookies, eventId: string, secure: boolean) {
	cookies.delete(participantCookieName(eventId), { path: '/', secure });
}

/**
 * Deletes the participant identities of events archived more than `retentionDays` ago; what they
 * contributed stays, without anyone behind it. Returns how many were deleted.
 */
export function purgeExpiredParticipants(
	db: AppDatabase,
	retentionDays: number,
	now = new Date()
): number {
	const cutoff = new Date(now.getTime() - retentionDays * dayMs);
	const expired = db
		.select({ id: event.id })
		.from(event)
		.where(and(isNotNull(event.archivedAt), lt(event.archivedAt, cutoff)))
		.all()
		.map((row) => row.id);
	if (expired.length === 0) return 0;
	return db.delete(participant).where(inArray(participant.eventId, expired)).run().changes;
}

/** The participant of the event with this slug, read from that event's cookie. */
export function participantForEvent(
	db: AppDatabase,
	slug: string,
	cookie: (name: string) => string | undefined
): CookieParticipant | undefined {
	const found = db.select({ id: event.id }).from(event).where(eq(event.slug, slug)).get();
	if (!found) return undefined;
	return participantFromCookie(db, found.id, cookie(participantCookieName(found.id)));
}
