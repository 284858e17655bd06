// The process-wide application: configuration, database and realtime server, started once.
// Kept on globalThis because in development Vite may load this module more than once, and the
// production entry reaches it through the bundle.
import { readConfig, type AppConfig } from './config';
import { liveLimitsFromEnv, type LiveLimits } from './live-limits';
import { closeDatabase, openDatabase, type AppDatabase } from './db/database';
import { runSeeds, type Seed } from './db/seeds';
import { log, errorFields } from './log';
import { ensureAdmin, type CreatedAdmin } from './accounts/first-admin';
import { resolveSession } from './auth/actor';
import { forgetQuietKeys, throttleRulesFromEnv, type ThrottleRules } from './auth/rate-limit';
import { deleteExpiredSessions, sessionCookieName } from './auth/session';
import type { IncomingMessage } from 'node:http';
import { anonymousActor, type Actor, type Resource } from './policy';
import { startLiveChannels, type LiveChannels } from './realtime/live-channels';
import type { AppRuntime } from './runtime';
import type * as Y from 'yjs';
import { boardsSeed } from './boards/boards-seed';
import { documentsSeed } from './documents/documents-seed';
import { eventsSeed } from './events/events-seed';
import type { Attendance } from '$lib/attendance';
import { forgetOldJoinTrust } from './events/joining';
import { NewParticipantLimit } from './events/join-rate';
import {
	participantCookieName,
	participantFromCookie,
	purgeExpiredParticipants
} from './events/participants';
import { organisationsSeed } from './workspace/organisations-seed';
import { pollsSeed } from './polls/polls-seed';
import {
	dailyCheckIntervalMs,
	notificationScheduleFromEnv,
	runDailyCheck
} from './notifications/daily-check';
import { MailSender } from './mail/sender';
import { announce } from './db/changes';
import type { Services } from './services';
import { startOparlSync } from './oparl/sync';

export type AppStatus = 'starting' | 'ready' | 'failed';

interface App {
	status: AppStatus;
	config: AppConfig;
	throttleRules: ThrottleRules;
	liveLimits: LiveLimits;
	newParticipants: NewParticipantLimit;
	ready: Promise<void>;
	db?: AppDatabase;
	live?: LiveChannels;
	retentionTimer?: NodeJS.Timeout;
	dailyCheckTimer?: NodeJS.Timeout;
	mailSender?: MailSender;
	oparlTimer?: NodeJS.Timeout | null;
	services?: Services;
}

const appKey = Symbol.for('leitbild-werkstatt.app');
type WithApp = typeof globalThis & { [appKey]?: App };

/** Every seed of the app, in the order they must run. Later features append theirs. */
export function allSeeds(): Seed[] {
	return [organisationsSeed(), documentsSeed(), eventsSeed(), boardsSeed(), pollsSeed()];
}

function cookieFromHeader(header: string | undefined, cookieName: string): string | undefined {
	for (const part of header?.split(';') ?? []) {
		const [name, ...value] = part.trim().split('=');
		if (name === cookieName) return decodeURIComponent(value.join('='));
	}
	return undefined;
}

/** On an event's live channels its participant cookie speaks first; elsewhere the session. */
function realtimeActor(db: AppDatabase, request: IncomingMessage, resource: Resource): Actor {
	const cookies = request.headers.cookie;
	if (resource.type === 'event') {
		const name = participantCookieName(resource.eventId);
		const found = participantFromCookie(db, resource.eventId, cookieFromHeader(cookies, name));
		if (found) {
			return {
				kind: 'participant',
				participantId: found.participant.id,
				eventId: resource.eventId
			};
		}
	}
	return resolveSession(db, cookieFromHeader(cookies, sessionCookieName)).actor;
}

/** Shown once on the console, never logged again: the only way to learn a generated password. */
function announceAdmin(created: CreatedAdmin): void {
	if (!created.generatedPassword) {
		log.info('app.admin_created', { email: created.email });
		return;
	}
	console.log(
		[
			'',
			'=================================================================',
			'  Leitbild-Werkstatt: erster Administrator angelegt',
			`  E-Mail:   ${created.email}`,
			`  Passwort: ${created.generatedPassword}`,
			'  Dieses Passwort wird nur jetzt angezeigt. Bitte ändern Sie es',
			'  nach der Anmeldung unter „Mein Konto“.',
			'=================================================================',
			''
		].join('\n')
	);
}

const retentionSweepMs = 6 * 60 * 60 * 1000;

/** Participant identities of long-archived events go; their anonymous results stay. */
function purgeParticipants(app: App, db: AppDatabase): void {
	try {
		const deleted = purgeExpiredParticipants(db, app.config.participantRetentionDays);
		if (deleted > 0) log.info('participants.purged', { deleted });
	} catch (err) {
		log.error('participants.purge_failed', errorFields(err));
	}
}

/** Failure counts quiet for a day and old trust in join codes go, so that a script trying
 * thousands of e-mail addresses or codes leaves nothing behind for long. */
function forgetOldThrottles(db: AppDatabase): void {
	try {
		const forgotten = forgetQuietKeys(db) + forgetOldJoinTrust(db);
		if (forgotten > 0) log.info('throttle.forgotten', { rows: forgotten });
	} catch (err) {
		log.error('throttle.forget_failed', errorFields(err));
	}
}

/** Mail left in the outbox from before a restart goes out now; new mail as it is queued. */
function startMail(app: App, db: AppDatabase): void {
	if (!app.config.mail) return;
	if (!app.config.publicOriginConfigured) {
		log.warn('mail.origin_guessed', {
			origin: app.config.publicOrigin,
			hint: 'Set ORIGIN, or links in e-mails point to this guess.'
		});
	}
	app.mailSender = new MailSender(db, app.config.mail);
	app.mailSender.start();
	log.info('mail.on', { from: app.config.mail.from });
}

async function prepare(app: App): Promise<void> {
	try {
		const db = openDatabase({
			file: app.config.databasePath,
			migrationsDir: app.config.migrationsDir
		});
		app.db = db;
		const ran = runSeeds(db, allSeeds());
		const admin = await ensureAdmin(db);
		if (admin) announceAdmin(admin);
		deleteExpiredSessions(db);
		purgeParticipants(app, db);
		forgetOldThrottles(db);
		app.retentionTimer = setInterval(() => {
			purgeParticipants(app, db);
			forgetOldThrottles(db);
		}, retentionSweepMs);
		app.retentionTimer.unref();
		const schedule = notificationScheduleFromEnv();
		runDailyCheck(db, schedule);
		app.dailyCheckTimer = setInterval(() => runDailyCheck(db, schedule), dailyCheckIntervalMs);
		app.dailyCheckTimer.unref();
		app.oparlTimer = startOparlSync(db, app.config.oparl);
		app.live = startLiveChannels(db, {
			publicOrigin: app.config.publicOrigin,
			limits: app.liveLimits,
			resolveActor: async (request, resource) => {
				await app.ready;
				if (app.status !== 'ready') return anonymousActor;
				return realtimeActor(db, request, resource);
			}
		});
		startMail(app, db);
		app.status = 'ready';
		log.info('app.ready', { database: app.config.databasePath, seeded: ran });
	} catch (err) {
		app.status = 'failed';
		log.error('app.start_failed', errorFields(err));
	}
}

function start(): App {
	const liveLimits = liveLimitsFromEnv();
	const app = {
		status: 'starting',
		config: readConfig(),
		throttleRules: throttleRulesFromEnv(),
		liveLimits,
		newParticipants: new NewParticipantLimit(liveLimits.joinsPerAddress)
	} as App;
	(globalThis as WithApp)[appKey] = app;
	app.ready = prepare(app);
	return app;
}

function currentApp(): App {
	return (globalThis as WithApp)[appKey] ?? start();
}

export function appStatus(): AppStatus {
	return currentApp().status;
}

/** Resolves once the database is migrated and seeded (or start-up failed). */
export function appReady(): Promise<void> {
	return currentApp().ready;
}

export function appConfig(): AppConfig {
	return currentApp().config;
}

/** The growing delays of sign-ins and join codes, from the environment. */
export function throttleRules(): ThrottleRules {
	return currentApp().throttleRules;
}

/** How fast new participants may join from one address. */
export function newParticipantLimit(): NewParticipantLimit {
	return currentApp().newParticipants;
}

/** The database; throws while the app is not ready, which the hooks turn into a 503. */
export function db(): AppDatabase {
	const app = currentApp();
	if (!app.db || app.status !== 'ready') throw new Error('Die Datenbank ist nicht bereit.');
	return app.db;
}

/** The user ids of the people who have a document open right now. */
export function documentPresence(documentId: string): string[] {
	return currentApp().live?.documents.presentUserIds(documentId) ?? [];
}

/** Changes a document's text on the server: stored, then relayed to everyone who has it open. */
export function changeDocumentText(documentId: string, edit: (ydoc: Y.Doc) => void): void {
	const live = currentApp().live;
	if (!live) throw new Error('Die Anwendung ist nicht bereit.');
	live.documents.change(documentId, edit);
}

/** Reads a document's text as the server holds it now (with every update it received). */
export function readDocumentText<T>(documentId: string, read: (ydoc: Y.Doc) => T): T {
	const live = currentApp().live;
	if (!live) throw new Error('Die Anwendung ist nicht bereit.');
	return live.documents.inspect(documentId, read);
}

/** After a poll changed: everyone watching the event's polls gets the new state. */
export function publishPolls(eventId: string): void {
	announce(db(), { topic: 'polls', eventId });
}

/** After a comment thread changed: everyone in the document sees it. */
export function publishComments(documentId: string): void {
	announce(db(), { topic: 'comments', documentId });
}

/** After a passage was marked or a mark withdrawn: everyone in the document sees it. */
export function publishConsensus(documentId: string): void {
	announce(db(), { topic: 'consensus', documentId });
}

/** Who joined the event and who of them is connected now: the numbers every page shows. */
export function attendance(eventId: string): Attendance {
	const live = currentApp().live;
	if (!live) throw new Error('Die Anwendung ist nicht bereit.');
	return live.attendance(eventId);
}

/** After someone joined, connected or left: the console and the projectors count them at once. */
export function publishAttendance(eventId: string): void {
	announce(db(), { topic: 'attendance', eventId });
}

/** After sessions or rights changed: open connections are checked again at once. */
export function revalidateLiveConnections(): void {
	announce(db(), { topic: 'access' });
}

/** What every request is handed: the services, created once the app is ready. */
export function services(): Services {
	const database = db();
	const app = currentApp();
	return (app.services ??= {
		config: app.config,
		db: database,
		throttleRules: app.throttleRules,
		newParticipants: app.newParticipants,
		documents: {
			presentUserIds: documentPresence,
			change: changeDocumentText,
			inspect: readDocumentText
		},
		attendance
	});
}

export function appRuntime(): AppRuntime {
	return {
		handleUpgrade(request, socket, head) {
			const live = currentApp().live;
			if (!live) {
				socket.destroy();
				return;
			}
			live.handleUpgrade(request, socket, head);
		},
		async shutdown() {
			const app = (globalThis as WithApp)[appKey];
			if (!app) return;
			await app.ready;
			clearInterval(app.retentionTimer);
			clearInterval(app.dailyCheckTimer);
			await app.mailSender?.stop();
			if (app.oparlTimer) clearInterval(app.oparlTimer);
			await app.live?.close();
			if (app.db) closeDatabase(app.db);
			app.status = 'starting';
			delete (globalThis as WithApp)[appKey];
			log.info('app.stopped');
		}
	};
}
