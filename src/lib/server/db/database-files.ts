// The database's files as the disk holds them: SQLite's main file and its write-ahead log, which
// grows between checkpoints and is worth watching on a busy conference day.
import { statSync } from 'node:fs';

function sizeOf(file: string): number | undefined {
	return statSync(file, { throwIfNoEntry: false })?.size;
}

/** Bytes of the database file and its WAL; undefined for a file that is not there. */
export function databaseFileSizes(databasePath: string): { main?: number; wal?: number } {
	return { main: sizeOf(databasePath), wal: sizeOf(`${databasePath}-wal`) };
}
