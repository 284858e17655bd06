import type { Actor } from '$lib/server/policy';

declare global {
	namespace App {
		interface Locals {
			actor: Actor;
			/** The signed-in person, or null. */
			user: { id: string; name: string; email: string } | null;
			sessionId: string | null;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
