// One seeded data directory for the whole run, built once before the workers start: migrated,
// seeded, the test actors invited and signed in, one participant joined. Every test server starts
// from a copy of it, and the shared server of a worker goes back to it when the worker moves on to
// another file, so no file sees what an earlier one left and none pays for making the actors.
import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { MemberActorName, TestActor } from './actors';
import { memberPassword, adminCredentials } from './actors';

type StorageState = Awaited<ReturnType<APIRequestContext['storageState']>>;

/** What the global setup wrote besides the data directory: the sign-ins made in it. */
export interface TemplateSessions {
	actors: Record<MemberActorName, { email: string; state: StorageState }>;
	participant: StorageState;
}

const templateVariable = 'LEITBILD_TEST_TEMPLATE';

/** Where the template lives; set by the global setup for the workers it starts. */
export function templateRoot(): string {
	const root = process.env[templateVariable];
	if (!root) throw new Error(`${templateVariable} fehlt: die globale Vorbereitung lief nicht`);
	return root;
}

export function setTemplateRoot(root: string): void {
	process.env[templateVariable] = root;
}

export const templateDataDir = (root = templateRoot()) => path.join(root, 'data');
export const templateSessionsFile = (root = templateRoot()) => path.join(root, 'sessions.json');

/** Fills `dataDir` with a copy of the template's data. */
export function copyTemplateData(dataDir: string): void {
	cpSync(templateDataDir(), dataDir, { recursive: true });
}

function sessions(): TemplateSessions {
	return JSON.parse(readFileSync(templateSessionsFile(), 'utf8')) as TemplateSessions;
}

/** The template's actors, signed in, for a server started from the template. */
export async function templateActors(baseURL: string): Promise<Record<MemberActorName, TestActor>> {
	const entries = await Promise.all(
		Object.entries(sessions().actors).map(async ([name, { email, state }]) => {
			const request = await playwrightRequest.newContext({ baseURL, storageState: state });
			const password = name === 'admin' ? adminCredentials.password : memberPassword;
			return [name, { name: name as MemberActorName, email, password, request }] as const;
		})
	);
	return Object.fromEntries(entries) as Record<MemberActorName, TestActor>;
}

/** The participant who joined the seeded Zukunftskonferenz in the template. */
export async function templateParticipant(baseURL: string): Promise<APIRequestContext> {
	return playwrightRequest.newContext({ baseURL, storageState: sessions().participant });
}
