// What routes are handed on every request (event.locals.services): created once at start-up.
// Routes read and write through domain functions that take the database; live channels learn of
// changes from the database's change feed (db/changes.ts), so no route pushes updates itself.
import type * as Y from 'yjs';
import type { Attendance } from '$lib/attendance';
import type { ThrottleRules } from './auth/rate-limit';
import type { AppConfig } from './config';
import type { AppDatabase } from './db/database';
import type { NewParticipantLimit } from './events/join-rate';
import type { AppMetrics } from './metrics/registry';

/** The documents' texts as the live server holds them (with every update it received). */
export interface LiveDocuments {
	/** The user ids of the people who have a document open right now. */
	presentUserIds(documentId: string): string[];
	/** Changes a document's text on the server: stored, then relayed to everyone who has it open. */
	change(documentId: string, edit: (ydoc: Y.Doc) => void): void;
	/** Reads a document's text as the server holds it now. */
	inspect<T>(documentId: string, read: (ydoc: Y.Doc) => T): T;
}

/** What the live server holds right now, for the operations page. */
export interface LiveStatus {
	/** Open WebSocket connections, on every channel. */
	connections: number;
	/** Documents held in memory now (someone has them open, or had a moment ago). */
	loadedDocuments: number;
	/** Per event with anyone connected to it: how many of its participants are. */
	participantsByEvent: ReadonlyMap<string, number>;
}

export interface Services {
	config: AppConfig;
	db: AppDatabase;
	/** The growing delays of sign-ins and join codes. */
	throttleRules: ThrottleRules;
	/** How fast new participants may join from one address. */
	newParticipants: NewParticipantLimit;
	documents: LiveDocuments;
	/** Who joined an event and who of them is connected now. */
	attendance(eventId: string): Attendance;
	liveStatus(): LiveStatus;
	/** The operators' metrics (/metrics): refusals are counted where they are answered. */
	metrics: AppMetrics;
}
