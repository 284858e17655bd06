// Fresh targets for the route table's rows whose action consumes what it acts on: each actor's
// request gets its own event, document or comment thread, made through the app as someone who
// may make it, so "allowed" can mean "it worked" without one row spoiling the next.
import type { APIRequestContext } from '@playwright/test';
import { expect } from '@playwright/test';
import {
	acceptInvitation,
	invite,
	memberPassword,
	postForm,
	type MemberActorName,
	type TestActor
} from '../support/actors';
import { queryDatabase } from '../support/database';
import { anchorPair, createDocument } from '../support/documents';
import { seededEventSlug, workingGroupIdsOf } from '../support/participants';
import type { AppServer } from '../support/server';
import type { ActorName } from './route-table';

export interface TargetContext {
	server: AppServer;
	actors: Record<MemberActorName, TestActor>;
	actorName: ActorName;
	/** The request the row is sent with. */
	request: APIRequestContext;
}

/** The values of a row's `{placeholders}` for one actor's request. */
export type Prepare = (context: TargetContext) => Promise<Record<string, string>>;

let made = 0;
const nextTitle = (kind: string) => `Tabelle ${kind} ${++made}`;

/** A new event, made by the admin: its slug as `{event}`. */
export const freshEvent: Prepare = async ({ server, actors }) => {
	const response = await postForm(actors.admin.request, server.url, '/konferenzen/neu', {
		title: nextTitle('Veranstaltung'),
		date: '2027-05-04',
		groupTitle: 'AG 1',
		groupQuestion: 'Was fehlt?'
	});
	expect(response.status(), 'Veranstaltung anlegen').toBe(303);
	const slug = /^\/konferenzen\/([^?]+)/.exec(response.headers().location ?? '')?.[1];
	if (!slug) throw new Error('Keine neue Veranstaltung');
	return { event: slug };
};

/** freshEvent, archived: for restoring. */
export const archivedEvent: Prepare = async (context) => {
	const { event } = await freshEvent(context);
	const { server, actors } = context;
	const response = await postForm(
		actors.admin.request,
		server.url,
		`/konferenzen/${event}?/archive`,
		{}
	);
	expect(response.status(), 'Veranstaltung archivieren').toBeLessThan(400);
	return { event };
};

/** A new document, made by the admin: its id as `{document}`. */
export const freshDocument: Prepare = async ({ server, actors }) => {
	const { id } = await createDocument(server, actors.admin, nextTitle('Dokument'));
	return { document: id };
};

/** freshDocument, archived: for restoring. */
export const archivedDocument: Prepare = async (context) => {
	const { document } = await freshDocument(context);
	const { server, actors } = context;
	const response = await postForm(actors.admin.request, server.url, '/dokumente?/archive', {
		documentId: document
	});
	expect(response.status(), 'Dokument archivieren').toBe(200);
	return { document };
};

/** Who may start a thread on the seeded Leitbild: members; for the others the editor does. */
function threadAuthor({ actors, actorName, request }: TargetContext): APIRequestContext {
	return actorName === 'anonymous' || actorName === 'participant' ? actors.editor.request : request;
}

/**
 * A comment thread on the seeded Leitbild, started by the acting member (so that resolving it is
 * theirs to do): its id as `{thread}`.
 */
export const ownThread: Prepare = async (context) => {
	const body = nextTitle('Kommentar');
	const response = await postForm(
		threadAuthor(context),
		context.server.url,
		'/dokumente/leitbild?/comment',
		{ ...anchorPair(), quote: 'irgendwo', body }
	);
	expect(response.status(), 'Kommentar anlegen').toBe(200);
	const [thread] = queryDatabase<{ id: string }>(
		context.server.dataDir,
		'select annotation_id as id from annotation_reply where body = ?',
		body
	);
	return { thread: thread.id };
};

/** ownThread, resolved by its author: for reopening. */
export const resolvedThread: Prepare = async (context) => {
	const { thread } = await ownThread(context);
	const response = await postForm(
		threadAuthor(context),
		context.server.url,
		'/dokumente/leitbild?/resolve',
		{ threadId: thread }
	);
	expect(response.status(), 'Kommentar erledigen').toBe(200);
	return { thread };
};

/** The seeded event's first working group as `{group}`: joining it asks for one. */
export const seededGroup: Prepare = async ({ server }) => ({
	group: workingGroupIdsOf(server.dataDir, seededEventSlug)[0]
});

/** A new person in Kamen only, invited by the admin: their user id as `{member}`. */
export const freshKamenMember: Prepare = async ({ server, actors }) => {
	const email = `tabelle-${++made}@kamen.test`;
	const link = await invite(actors.admin.request, server.url, 'kamen', email, ['viewer']);
	const request = await acceptInvitation(server.url, link, nextTitle('Mitglied'), memberPassword);
	await request.dispose();
	const [person] = queryDatabase<{ id: string }>(
		server.dataDir,
		'select id from user where email = ?',
		email
	);
	return { member: person.id };
};

/** freshKamenMember, deactivated in Kamen by the admin: for reactivating. */
export const deactivatedKamenMember: Prepare = async (context) => {
	const { member } = await freshKamenMember(context);
	const { server, actors } = context;
	const response = await postForm(
		actors.admin.request,
		server.url,
		'/verwaltung/organisationen/kamen?/deactivate',
		{ userId: member }
	);
	expect(response.status(), 'Mitglied deaktivieren').toBe(200);
	return { member };
};

/** freshKamenMember with the whole account deactivated by the admin: for reactivating it. */
export const deactivatedAccount: Prepare = async (context) => {
	const { member } = await freshKamenMember(context);
	const { server, actors } = context;
	const response = await postForm(
		actors.admin.request,
		server.url,
		`/verwaltung/personen/${member}?/deactivateAccount`,
		{ confirm: 'ja' }
	);
	expect(response.status(), 'Konto deaktivieren').toBe(200);
	return { member };
};

/** A new event with one question, made by the admin: `{event}` and the question as `{question}`. */
export const freshQuestion: Prepare = async (context) => {
	const { event } = await freshEvent(context);
	const { server, actors } = context;
	const response = await postForm(
		actors.admin.request,
		server.url,
		`/konferenzen/${event}/umfragen?/create`,
		{ type: 'text', prompt: nextTitle('Frage') }
	);
	expect(response.status(), 'Frage anlegen').toBe(200);
	const [question] = queryDatabase<{ id: string }>(
		server.dataDir,
		'select poll_question.id as id from poll_question join event on event.id = poll_question.event_id where event.slug = ?',
		event
	);
	return { event, question: question.id };
};
