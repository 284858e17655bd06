// Builds the seeded template every test server copies (tests/support/template.ts).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createActors, serverEnvWithAdmin, type MemberActorName } from './support/actors';
import { joinAsParticipant, seededEventSlug } from './support/participants';
import { startServer } from './support/server';
import {
	setTemplateRoot,
	templateDataDir,
	templateSessionsFile,
	type TemplateSessions
} from './support/template';

export default async function globalSetup(): Promise<() => void> {
	const root = mkdtempSync(path.join(tmpdir(), 'leitbild-template-'));
	mkdirSync(templateDataDir(root));
	const server = await startServer({ env: serverEnvWithAdmin, dataDir: templateDataDir(root) });
	try {
		const actors = await createActors(server.url);
		const participant = await joinAsParticipant(server.url, server.dataDir, seededEventSlug, {
			displayName: 'Tabea Teilnahme'
		});
		const sessions: TemplateSessions = {
			actors: {} as TemplateSessions['actors'],
			participant: await participant.storageState()
		};
		for (const [name, actor] of Object.entries(actors)) {
			sessions.actors[name as MemberActorName] = {
				email: actor.email,
				state: await actor.request.storageState()
			};
			await actor.request.dispose();
		}
		await participant.dispose();
		writeFileSync(templateSessionsFile(root), JSON.stringify(sessions));
	} finally {
		// A clean stop checkpoints the database, so copies of the directory are whole.
		await server.stop();
	}
	setTemplateRoot(root);
	return () => rmSync(root, { recursive: true, force: true });
}
