// For unit tests of domain writes: what the database's change feed told, once delivered.
import { listen, type Change } from './changes';
import type { AppDatabase } from './database';

/** Starts listening; each call of the returned function yields what was told since the last. */
export function recordChanges(db: AppDatabase): () => Promise<Change[]> {
	const heard: Change[] = [];
	listen(db, (change) => heard.push(change));
	return async () => {
		await new Promise((resolve) => setTimeout(resolve, 0));
		return heard.splice(0);
	};
}
