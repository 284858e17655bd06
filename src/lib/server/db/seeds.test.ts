import { describe, expect, it } from 'vitest';
import { organisation, seedRun } from './schema';
import { runSeeds, type Seed } from './seeds';
import { createTestDatabase } from './test-database';

const insertKamen: Seed = {
	name: 'kamen',
	run(db) {
		db.insert(organisation)
			.values({ id: 'k', slug: 'kamen', name: 'Stadt Kamen', shortName: 'Kamen', kind: 'kommune' })
			.run();
	}
};

describe('runSeeds', () => {
	it('runs each named seed once per database', () => {
		const db = createTestDatabase();
		expect(runSeeds(db, [insertKamen])).toEqual(['kamen']);
		expect(runSeeds(db, [insertKamen])).toEqual([]);
		expect(db.select().from(organisation).all()).toHaveLength(1);
	});

	it('runs a seed added later on a database that has the earlier ones', () => {
		const db = createTestDatabase();
		runSeeds(db, [insertKamen]);
		const later: Seed = {
			name: 'later',
			run(tx) {
				tx.insert(organisation)
					.values({
						id: 'u',
						slug: 'unna',
						name: 'Kreisstadt Unna',
						shortName: 'Unna',
						kind: 'kommune'
					})
					.run();
			}
		};
		expect(runSeeds(db, [insertKamen, later])).toEqual(['later']);
	});

	it('leaves nothing half-written when a seed fails', () => {
		const db = createTestDatabase();
		const failing: Seed = {
			name: 'failing',
			run(tx) {
				insertKamen.run(tx);
				throw new Error('kaputt');
			}
		};
		expect(() => runSeeds(db, [failing])).toThrow('kaputt');
		expect(db.select().from(organisation).all()).toHaveLength(0);
		expect(db.select().from(seedRun).all()).toHaveLength(0);
	});
});
