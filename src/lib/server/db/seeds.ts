// Named, idempotent seeds: each runs once per database, inside the transaction that records it,
// so a seed added later also reaches databases that exist already.
import { eq } from 'drizzle-orm';
import { transaction, type AppDatabase } from './database';
import { seedRun } from './schema';

export interface Seed {
	name: string;
	run(db: AppDatabase): void;
}

/** Runs every seed that has not run on this database yet; returns the names it ran. */
export function runSeeds(db: AppDatabase, seeds: readonly Seed[]): string[] {
	const ran: string[] = [];
	for (const seed of seeds) {
		transaction(db, (tx) => {
			const done = tx.select().from(seedRun).where(eq(seedRun.name, seed.name)).get();
			if (done) return;
			seed.run(tx);
			tx.insert(seedRun).values({ name: seed.name }).run();
			ran.push(seed.name);
		});
	}
	return ran;
}
