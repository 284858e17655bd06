import type { IncomingMessage } from 'node:http';
import type { CookieParticipant } from '$lib/server/events/participants';
import type { ParticipantLocale } from '$lib/i18n/locales';
import type { Actor } from '$lib/server/policy';
import type { Services } from '$lib/server/services';

declare global {
	namespace App {
		interface Locals {
			/** Set on every request but the health check, once the app is ready. */
			services: Services;
			actor: Actor;
			/** The signed-in person, or null. */
			user: { id: string; name: string; email: string } | null;
			sessionId: string | null;
			/** On participant pages: the participant behind the event's cookie, or null. */
			participant: CookieParticipant | null;
			/** The language the page speaks: the participant's on participant pages, else German. */
			locale: ParticipantLocale;
		}
		interface Error {
			message: string;
		}
		/** adapter-node's: the Node request, for the connection's own address (/metrics). */
		interface Platform {
			req?: IncomingMessage;
		}
	}
}

export {};
