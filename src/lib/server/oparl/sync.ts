// The council information system's side of the work: choosing a body, linking a paper, and the
// sync that reads each linked paper's path again. Every read happens before anything is written,
// so a failed read leaves the records as they were (only the error is kept, to be shown).
import type { AppDatabase } from '../db/database';
import type { Organisation } from '../db/schema';
import { errorFields, log } from '../log';
import { createFetcher, OparlError, parseWebAddress, type OparlFetcher } from './fetcher';
import { proposeSteps, type Proposals } from './mapping';
import {
	agsMatches,
	findPaperByAddress,
	findPapersByReference,
	readBodies,
	readBody,
	readModified,
	readPaperPath
} from './reader';
import {
	findConnection,
	linkPaper,
	listConnections,
	listPapers,
	storeSync,
	storeSyncError,
	type LinkResult
} from './store';

export interface OparlSettings {
	allowPrivateNetworks: boolean;
	timeoutMs: number;
	/** Minutes between background syncs; 0 turns them off. */
	syncMinutes: number;
}

export const responseMaxBytes = 5 * 1024 * 1024;

export function fetcherFor(settings: OparlSettings, systemUrl: string): OparlFetcher {
	return createFetcher({
		systemUrl,
		allowPrivateNetworks: settings.allowPrivateNetworks,
		timeoutMs: settings.timeoutMs,
		maxBytes: responseMaxBytes
	});
}

type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

/** Runs a read; an OParl failure becomes its German message, anything else stays an error. */
async function attempt<T>(read: () => Promise<T>): Promise<Outcome<T>> {
	try {
		return { ok: true, value: await read() };
	} catch (err) {
		if (err instanceof OparlError) return { ok: false, message: err.message };
		throw err;
	}
}

export interface BodyChoice {
	url: string;
	name: string;
	ags: string | null;
	matches: boolean;
}

/** The system's bodies, the one whose AGS is the organisation's marked. */
export function bodyChoices(
	settings: OparlSettings,
	systemUrl: string,
	organisation: Pick<Organisation, 'ags'>
): Promise<Outcome<BodyChoice[]>> {
	return attempt(async () => {
		const url = parseWebAddress(systemUrl).href;
		const bodies = await readBodies(fetcherFor(settings, url), url);
		return bodies.map((body) => ({
			url: body.id,
			name: body.name,
			ags: body.ags ?? null,
			matches: agsMatches(body.ags, organisation.ags)
		}));
	});
}

/** Checks the chosen body once more before it is saved: it must be on the system's host. */
export function checkBody(settings: OparlSettings, systemUrl: string, bodyUrl: string) {
	return attempt(() => readBody(fetcherFor(settings, systemUrl), bodyUrl));
}

/** Finds the paper (by reference, OParl address or web address), reads its path and links it. */
export async function linkPaperFromSystem(
	db: AppDatabase,
	settings: OparlSettings,
	input: {
		documentId: string;
		organisationId: string;
		versionId: string;
		paper: string;
		userId: string;
	},
	now = new Date()
): Promise<LinkResult> {
	const connection = findConnection(db, input.organisationId);
	if (!connection) {
		return {
			ok: false,
			message: 'Für diese Körperschaft ist kein Ratsinformationssystem eingerichtet.'
		};
	}
	const fetcher = fetcherFor(settings, connection.systemUrl);
	const read = await attempt(async () => {
		const body = await readBody(fetcher, connection.bodyUrl);
		const given = input.paper.trim();
		let paper;
		if (/^https?:\/\//i.test(given)) {
			paper = await findPaperByAddress(fetcher, body, parseWebAddress(given).href);
			if (!paper) {
				throw new OparlError(`Unter der Adresse ${given} hat ${body.name} keine Drucksache.`);
			}
		} else {
			const found = await findPapersByReference(fetcher, body, given);
			if (found.length === 0) {
				throw new OparlError(`${body.name} hat keine Drucksache mit der Nummer „${given}“.`);
			}
			if (found.length > 1) {
				throw new OparlError(
					`Die Nummer „${given}“ tragen ${found.length} Drucksachen. Bitte fügen Sie die Adresse der richtigen ein.`
				);
			}
			paper = found[0];
		}
		const path = await readPaperPath(fetcher, paper.url);
		return { paper: path.paper, proposals: proposeSteps(path, now), pathUrls: path.urls };
	});
	if (!read.ok) return read;
	return linkPaper(db, { ...input, ...read.value }, now);
}

export type SyncResult = { ok: true; added: number } | { ok: false; message: string };

/** How long a sync may rely on the modification dates before it reads every path again. */
export const fullSyncHours = 24;

/** The system's clock may run behind ours: ask for a little more than since the last start. */
export const clockMarginMs = 5 * 60_000;

/**
 * Reads the linked papers of the organisation again: those the body's lists show modified since
 * the last sync started (a paper, or a meeting or agenda item on its path) and those linked since;
 * every paper when no sync succeeded before or the last full read is a day old, so a system
 * with wrong modification dates still catches up. A failure is kept with the connection.
 */
export async function syncOrganisation(
	db: AppDatabase,
	settings: OparlSettings,
	organisationId: string,
	now = new Date()
): Promise<SyncResult> {
	const connection = findConnection(db, organisationId);
	if (!connection) {
		return {
			ok: false,
			message: 'Für diese Körperschaft ist kein Ratsinformationssystem eingerichtet.'
		};
	}
	const fetcher = fetcherFor(settings, connection.systemUrl);
	const papers = listPapers(db, { organisationId });
	const since = connection.lastSyncAt;
	const full =
		!since ||
		!connection.lastFullSyncAt ||
		now.getTime() - connection.lastFullSyncAt.getTime() >= fullSyncHours * 3_600_000;
	const read = await attempt(async () => {
		let due = papers;
		if (since && !full && papers.length > 0) {
			const touched = await readModified(
				fetcher,
				await readBody(fetcher, connection.bodyUrl),
				new Date(since.getTime() - clockMarginMs)
			);
			due = papers.filter(
				(paper) =>
					paper.linkedAt >= since ||
					touched.has(paper.paperUrl) ||
					paper.pathUrls.some((url) => touched.has(url))
			);
		}
		const results: { paperId: number; proposals: Proposals; pathUrls: string[] }[] = [];
		for (const paper of due) {
			const path = await readPaperPath(fetcher, paper.paperUrl);
			results.push({ paperId: paper.id, proposals: proposeSteps(path, now), pathUrls: path.urls });
		}
		return results;
	});
	if (!read.ok) {
		storeSyncError(db, organisationId, read.message, now);
		return read;
	}
	return {
		ok: true,
		added: storeSync(db, organisationId, read.value, { startedAt: now, full })
	};
}

/** The background sync: every connected organisation in turn, never two runs at once, and a
 * failure of one never stops the others or the app. */
export function startOparlSync(db: AppDatabase, settings: OparlSettings): NodeJS.Timeout | null {
	if (settings.syncMinutes <= 0) return null;
	let running = false;
	const timer = setInterval(async () => {
		if (running) return;
		running = true;
		try {
			for (const connection of listConnections(db)) {
				try {
					const result = await syncOrganisation(db, settings, connection.organisationId);
					if (!result.ok) {
						log.warn('oparl.sync_failed', {
							organisationId: connection.organisationId,
							message: result.message
						});
					}
				} catch (err) {
					log.error('oparl.sync_crashed', {
						organisationId: connection.organisationId,
						...errorFields(err)
					});
				}
			}
		} finally {
			running = false;
		}
	}, settings.syncMinutes * 60_000);
	timer.unref();
	return timer;
}
