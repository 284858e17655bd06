import type { Actor } from '$lib/server/policy';

declare global {
	namespace App {
		interface Locals {
			actor: Actor;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
