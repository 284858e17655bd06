import { redirect, type Cookies, type RequestEvent } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import {
	isParticipantLocale,
	localeParameter,
	negotiateLocale,
	type ParticipantLocale
} from '$lib/i18n/locales';
import type { AppDatabase } from '../db/app-database';
import { participant } from '../db/schema';

/** The device's choice, for pages before joining and for the next event. */
export const localeCookieName = 'sprache';
export const localeCookieMaxAgeSeconds = 365 * 24 * 60 * 60;

/** The pages participants see, which speak their language; staff pages stay German. */
const participantPath = /^\/(?:join|teilnahme)(?:\/|$)/;

export function speaksParticipantLanguages(pathname: string): boolean {
	return participantPath.test(pathname);
}

function rememberOnDevice(cookies: Cookies, locale: ParticipantLocale, secure: boolean) {
	cookies.set(localeCookieName, locale, {
		path: '/',
		maxAge: localeCookieMaxAgeSeconds,
		httpOnly: true,
		sameSite: 'lax',
		secure
	});
}

export function rememberForParticipant(
	db: AppDatabase,
	participantId: string,
	locale: ParticipantLocale
): void {
	db.update(participant).set({ locale }).where(eq(participant.id, participantId)).run();
}

/**
 * A language chosen from the menu (`?sprache=tr` on a participant page) is remembered on the
 * device and, for someone who has joined, for this event; then the page is asked for again
 * without the parameter, so the address stays the one to share.
 */
export function applyChosenLocale(event: RequestEvent): void {
	const chosen = event.url.searchParams.get(localeParameter);
	if (event.request.method !== 'GET' || chosen === null) return;
	if (isParticipantLocale(chosen)) {
		rememberOnDevice(event.cookies, chosen, event.url.protocol === 'https:');
		const joined = event.locals.participant?.participant;
		if (joined) rememberForParticipant(event.locals.services.db, joined.id, chosen);
	}
	const target = new URL(event.url);
	target.searchParams.delete(localeParameter);
	redirect(303, target.pathname + target.search);
}

/**
 * The language of a participant page: this event's choice, else the device's, else the first
 * the browser asks for that the pages speak, else German.
 */
export function participantLocale(event: RequestEvent): ParticipantLocale {
	const forEvent = event.locals.participant?.participant.locale;
	if (forEvent) return forEvent;
	const onDevice = event.cookies.get(localeCookieName);
	if (isParticipantLocale(onDevice)) return onDevice;
	return negotiateLocale(event.request.headers.get('accept-language'));
}
