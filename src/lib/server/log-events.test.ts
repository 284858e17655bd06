// The README's "Protokoll" table is what operators grep for: every event the server logs is in it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

function sourcesUnder(dir: string): string[] {
	return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
		.filter(
			(entry) => entry.isFile() && /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)
		)
		.map((entry) => path.join(entry.parentPath, entry.name));
}

describe('the log events', () => {
	it('are each listed in the README with their fields', () => {
		const events = new Set<string>();
		for (const file of [...sourcesUnder('src'), ...sourcesUnder('server')]) {
			for (const match of readFileSync(file, 'utf8').matchAll(
				/log\.(?:info|warn|error)\(\s*'([a-z_.-]+)'/g
			)) {
				events.add(match[1]);
			}
		}
		expect(events.size).toBeGreaterThan(30);
		const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
		const start = readme.indexOf('\n## Protokoll\n');
		const protocol = readme.slice(start, readme.indexOf('\n## ', start + 1));
		const missing = [...events].filter((event) => !protocol.includes(`\`${event}\``));
		expect(missing).toEqual([]);
	});
});
