import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSeeds } from '../db/seeds';
import { createTestDatabase } from '../db/test-database';
import { organisationsSeed } from './organisations-seed';
import { findKreis, listAdoptingBodies, listOrganisations } from './organisations';
import { loadWorkspaceSeed } from './workspace-seed';

describe('the Kreis Unna workspace seed', () => {
	it('seeds the Kreis, its ten Kommunen with their AGS, and the partners', () => {
		const db = createTestDatabase();
		runSeeds(db, [organisationsSeed()]);
		expect(findKreis(db)).toMatchObject({ name: 'Kreis Unna', ags: '05978', adopting: true });
		const kommunen = listOrganisations(db).filter((o) => o.kind === 'kommune');
		expect(kommunen.map((k) => [k.shortName, k.ags])).toEqual([
			['Bergkamen', '05978004'],
			['Bönen', '05978008'],
			['Fröndenberg/Ruhr', '05978012'],
			['Holzwickede', '05978016'],
			['Kamen', '05978020'],
			['Lünen', '05978024'],
			['Schwerte', '05978028'],
			['Selm', '05978032'],
			['Unna', '05978036'],
			['Werne', '05978040']
		]);
		expect(listAdoptingBodies(db)).toHaveLength(11);
		const partners = listOrganisations(db).filter((o) => o.kind === 'partner');
		expect(partners.map((p) => p.shortName)).toContain('Jobcenter');
		expect(partners.every((p) => !p.adopting && p.ags === null)).toBe(true);
	});
});

describe('loadWorkspaceSeed', () => {
	function writeSeed(content: unknown): string {
		const dir = mkdtempSync(path.join(tmpdir(), 'leitbild-seed-'));
		const file = path.join(dir, 'seed.json');
		writeFileSync(file, JSON.stringify(content));
		return file;
	}

	it('reads another Kreis from a file of the same shape', () => {
		const file = writeSeed({
			name: 'Kreis Soest',
			organisations: [
				{
					slug: 'kreis-soest',
					name: 'Kreis Soest',
					shortName: 'Kreis Soest',
					kind: 'kreis',
					ags: '05974',
					adopting: true
				},
				{
					slug: 'werl',
					name: 'Stadt Werl',
					shortName: 'Werl',
					kind: 'kommune',
					ags: '05974044',
					adopting: true
				}
			]
		});
		try {
			const db = createTestDatabase();
			runSeeds(db, [organisationsSeed(loadWorkspaceSeed(file))]);
			expect(findKreis(db)?.name).toBe('Kreis Soest');
			expect(listAdoptingBodies(db).map((o) => o.shortName)).toEqual(['Kreis Soest', 'Werl']);
		} finally {
			rmSync(path.dirname(file), { recursive: true });
		}
	});

	it('refuses a file without exactly one Kreis', () => {
		const file = writeSeed({
			name: 'Ohne Kreis',
			organisations: [{ slug: 'werl', name: 'Stadt Werl', shortName: 'Werl', kind: 'kommune' }]
		});
		try {
			expect(() => loadWorkspaceSeed(file)).toThrow('genau einen Kreis');
		} finally {
			rmSync(path.dirname(file), { recursive: true });
		}
	});

	it('refuses names with control or direction characters', () => {
		const file = writeSeed({
			name: 'Kreis Soest',
			organisations: [
				{ slug: 'kreis-soest', name: 'Kreis\u202e Soest', shortName: 'Soest', kind: 'kreis' }
			]
		});
		try {
			expect(() => loadWorkspaceSeed(file)).toThrow('Steuerzeichen');
		} finally {
			rmSync(path.dirname(file), { recursive: true });
		}
	});
});
