// Start, stop and restart of the production server, each test with its own server and data.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { expect, test } from './support/fixtures';
import { startServer } from './support/server';

test('SIGTERM closes sockets and the database, and exits cleanly', async () => {
	const server = await startServer();
	try {
		const socket = new WebSocket(`${server.url.replace(/^http/, 'ws')}/collab/echo`, {
			origin: server.url
		});
		await new Promise((resolve) => socket.once('open', resolve));
		const closeCode = new Promise<number>((resolve) =>
			socket.once('close', (code) => resolve(code))
		);
		expect(await server.stop()).toBe(0);
		expect(await closeCode).toBe(1001);
		expect(server.output()).toContain('"event":"app.stopped"');
	} finally {
		await server.dispose();
	}
});

test('a restart keeps the data and runs no seed twice', async () => {
	const server = await startServer();
	try {
		expect(server.output()).toMatch(
			/"seeded":\["organisations","documents","events","boards","polls"\]/
		);
		await server.kill();
		await server.restart();
		expect(server.output()).toContain('"seeded":[]');
		await server.stop();
		const db = new Database(path.join(server.dataDir, 'app.db'), { readonly: true });
		try {
			const count = (sql: string) => db.prepare(sql).pluck().get();
			expect(count("select count(*) from organisation where slug = 'kamen'")).toBe(1);
			expect(count('select count(*) from organisation')).toBe(23);
			expect(count("select count(*) from seed_run where name = 'organisations'")).toBe(1);
		} finally {
			db.close();
		}
	} finally {
		await server.dispose();
	}
});

test('health and pages answer 503 while the database cannot be opened', async () => {
	// A directory where the database file should be: SQLite cannot open it.
	const blocked = mkdtempSync(path.join(tmpdir(), 'leitbild-blocked-'));
	const server = await startServer({ env: { DATABASE_PATH: blocked }, waitUntil: 'listening' });
	try {
		const health = await fetch(`${server.url}/healthz`);
		expect(health.status).toBe(503);
		expect(await health.json()).toEqual({ status: 'failed' });
		const page = await fetch(`${server.url}/`);
		expect(page.status).toBe(503);
		expect(await page.text()).toContain('Die Anwendung startet gerade oder ist gestört');
	} finally {
		await server.dispose();
		rmSync(blocked, { recursive: true, force: true });
	}
});
