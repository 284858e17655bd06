// Who may reach what: every page, endpoint and form action of the app, for every kind of actor.
// tests/authorisation.spec.ts fails for a route missing here and checks each cell against the
// running server. Each feature adds its routes and, as they arrive, its actors.
import { memberActorNames } from '../support/actors';
import type { RouteKind } from '../support/routes';

/** `participant` joined the seeded Zukunftskonferenz by code and has no account. */
export const actorNames = ['anonymous', 'participant', ...memberActorNames] as const;
export type ActorName = (typeof actorNames)[number];

/**
 * allow: served (2xx, 3xx, or a 4xx about the input such as 400 or 404);
 * deny: 401 or 403, or for an anonymous visitor's page request a redirect to sign in.
 */
export type Access = 'allow' | 'deny';

export interface RouteCase {
	kind: RouteKind;
	route: string;
	method: string;
	action?: string;
	/** The URL to request when the route has parameters. */
	path?: string;
	/** Form fields for actions and POST endpoints. `{code}` and `{board}` in a path or field stand
	 * for the seeded event's current join code and its first board, `{viewerUser}` for the id of
	 * Kamen's viewer, who belongs to Kamen only. */
	form?: Record<string, string | string[]>;
	/** The request ends the session it is sent with: each actor signs in afresh for it. */
	endsSession?: boolean;
	access: Record<ActorName, Access>;
}

type AccessRow = Record<ActorName, Access>;

const everyone: AccessRow = {
	anonymous: 'allow',
	participant: 'allow',
	admin: 'allow',
	manager: 'allow',
	managerOther: 'allow',
	editor: 'allow',
	signatory: 'allow',
	viewer: 'allow'
};
const members: AccessRow = { ...everyone, anonymous: 'deny', participant: 'deny' };
const admins: AccessRow = {
	anonymous: 'deny',
	participant: 'deny',
	admin: 'allow',
	manager: 'deny',
	managerOther: 'deny',
	editor: 'deny',
	signatory: 'deny',
	viewer: 'deny'
};
/** Who writes documents: editors of any organisation, and the admins. */
const editors: AccessRow = { ...admins, editor: 'allow' };
/** Kamen's manager and the admins: the member management of Kamen. */
const kamenManagers: AccessRow = { ...admins, manager: 'allow' };
/** Kamen's signatory and the admins: recording Kamen's adoption steps. */
const kamenSignatories: AccessRow = { ...admins, signatory: 'allow' };
/** Signatories of any body (Kamen's, here): passages are marked for a body they sign for. Admins
 * are not signatories by their role. */
const signatories: AccessRow = { ...admins, admin: 'deny', signatory: 'allow' };
/** Only the participant of the event: its pages for people without an account. */
const eventParticipant: AccessRow = { ...admins, admin: 'deny', participant: 'allow' };

const page = (route: string, access: AccessRow, path?: string): RouteCase => ({
	kind: 'page',
	route,
	method: 'GET',
	access,
	path
});

const action = (
	route: string,
	name: string,
	access: AccessRow,
	options: Pick<RouteCase, 'path' | 'form'> = {}
): RouteCase => ({ kind: 'action', route, method: 'POST', action: name, access, ...options });

/** A valid UUID nobody has: allowed member actions answer 404 for it and change nothing. */
const nobody = '00000000-0000-4000-8000-000000000000';
const kamen = '/verwaltung/organisationen/kamen';
const seededEvent = '/konferenzen/zukunftskonferenz';
/** Actions on an event nobody has: allowed actors get 404, so the seeded event stays as it is. */
const noEvent = '/konferenzen/gibt-es-nicht';
const eventRoute = '/konferenzen/[slug]';
const organisationRoute = '/verwaltung/organisationen/[slug]';
const viewerAccount = '/verwaltung/personen/{viewerUser}';

export const routeTable: RouteCase[] = [
	page('/', everyone),
	page('/anmelden', everyone),
	action('/anmelden', 'default', everyone),
	{
		kind: 'endpoint',
		route: '/abmelden',
		method: 'POST',
		access: everyone,
		endsSession: true
	},
	page('/konto', members),
	action('/konto', 'name', members),
	action('/konto', 'password', members),
	action('/konto', 'mail', members, { form: { kinds: ['mention', 'comment-reply'] } }),
	// Only while mail is on; the table's server has none, so everyone gets 404.
	page('/passwort-vergessen', everyone),
	action('/passwort-vergessen', 'default', everyone, { form: { email: 'niemand@kamen.test' } }),
	// The signed link is the permission; an unsigned one is 404 for everyone.
	page('/e-mail-abbestellen/[token]', everyone, '/e-mail-abbestellen/unbekannt'),
	action('/e-mail-abbestellen/[token]', 'default', everyone, {
		path: '/e-mail-abbestellen/unbekannt'
	}),
	page('/einladung/[token]', everyone, '/einladung/unbekannt'),
	...['create', 'signIn', 'accept'].map((name) =>
		action('/einladung/[token]', name, everyone, { path: '/einladung/unbekannt' })
	),
	page('/passwort-zuruecksetzen/[token]', everyone, '/passwort-zuruecksetzen/unbekannt'),
	action('/passwort-zuruecksetzen/[token]', 'default', everyone, {
		path: '/passwort-zuruecksetzen/unbekannt'
	}),
	page('/dokumente', members),
	action('/dokumente', 'create', editors, { form: { title: '', kind: 'sonstiges' } }),
	action('/dokumente', 'archive', editors, { form: { documentId: nobody } }),
	action('/dokumente', 'restore', editors, { form: { documentId: nobody } }),
	action('/dokumente', 'delete', admins, { form: { documentId: nobody, confirm: 'ja' } }),
	page('/dokumente/[slug]', members, '/dokumente/leitbild'),
	action('/dokumente/[slug]', 'status', editors, {
		path: '/dokumente/leitbild',
		form: { status: 'unbekannt' }
	}),
	page('/dokumente/[slug]/fassungen', members, '/dokumente/leitbild/fassungen'),
	action('/dokumente/[slug]/fassungen', 'freeze', editors, {
		path: '/dokumente/leitbild/fassungen',
		form: { name: '' }
	}),
	// The seeded documents have no versions: readers get the "no such version" page.
	page('/dokumente/[slug]/fassungen/[nummer]', members, '/dokumente/leitbild/fassungen/999'),
	action('/dokumente/[slug]/fassungen/[nummer]', 'restore', editors, {
		path: '/dokumente/leitbild/fassungen/999',
		form: { confirm: 'ja' }
	}),
	page('/dokumente/[slug]/vergleich', members, '/dokumente/leitbild/vergleich'),
	page('/dokumente/[slug]/verlauf', members, '/dokumente/leitbild/verlauf'),
	page('/dokumente/[slug]/druck', members, '/dokumente/selbstverpflichtung/druck'),
	{
		kind: 'endpoint',
		route: '/dokumente/[slug]/export/[format]',
		method: 'GET',
		path: '/dokumente/leitbild/export/md',
		access: members
	},
	{
		kind: 'endpoint',
		route: '/dokumente/[slug]/export/[format]',
		method: 'GET',
		path: '/dokumente/leitbild/export/pdf',
		access: members
	},
	// Members comment where the document allows it (the seeded Leitbild does); empty input is
	// refused with 400, so nothing is written.
	...['comment', 'reply', 'resolve', 'reopen'].map((name) =>
		action('/dokumente/[slug]', name, members, { path: '/dokumente/leitbild' })
	),
	// Members propose where the document allows it (the seeded Leitbild does); editors decide.
	...['propose', 'reviseProposal', 'proposalReason', 'withdrawProposal', 'proposalReply'].map(
		(name) => action('/dokumente/[slug]', name, members, { path: '/dokumente/leitbild' })
	),
	...['acceptProposal', 'rejectProposal', 'reopenProposal'].map((name) =>
		action('/dokumente/[slug]', name, editors, {
			path: '/dokumente/leitbild',
			form: { proposalId: nobody }
		})
	),
	action('/dokumente/[slug]', 'proposalSettings', editors, {
		path: '/dokumente/leitbild',
		form: { viewersMayPropose: 'kaputt' }
	}),
	action('/dokumente/[slug]', 'commentSettings', editors, {
		path: '/dokumente/leitbild',
		form: { viewersMayComment: 'kaputt' }
	}),
	page('/dokumente/[slug]/konsens', members, '/dokumente/leitbild/konsens'),
	action('/dokumente/[slug]/konsens', 'consensusSettings', editors, {
		path: '/dokumente/leitbild/konsens',
		form: { countHeadings: 'kaputt' }
	}),
	// Empty input is refused with 400, so nothing is written.
	...['consent', 'withdrawConsent'].map((name) =>
		action('/dokumente/[slug]', name, signatories, { path: '/dokumente/leitbild' })
	),
	// Editors link passages to conference results and choose the events; empty input is refused
	// with 400, so nothing is written.
	...['linkSource', 'unlinkSource', 'restoreSource', 'sourceEvents'].map((name) =>
		action('/dokumente/[slug]', name, editors, { path: '/dokumente/leitbild' })
	),
	page('/konferenzen', members),
	page('/konferenzen/neu', editors),
	action('/konferenzen/neu', 'default', editors, { form: { title: '', date: '' } }),
	page(eventRoute, members, seededEvent),
	...['open', 'close', 'rotateCode', 'copy', 'archive', 'restore'].map((name) =>
		action(eventRoute, name, editors, { path: noEvent })
	),
	page(`${eventRoute}/bearbeiten`, editors, `${seededEvent}/bearbeiten`),
	action(`${eventRoute}/bearbeiten`, 'default', editors, { path: `${noEvent}/bearbeiten` }),
	page(`${eventRoute}/projektion`, editors, `${seededEvent}/projektion`),
	page(`${eventRoute}/pinnwand/[board]`, members, `${seededEvent}/pinnwand/{board}`),
	page(`${eventRoute}/ergebnisse`, members, `${seededEvent}/ergebnisse`),
	{
		kind: 'endpoint',
		route: `${eventRoute}/ergebnisse/[format]`,
		method: 'GET',
		path: `${seededEvent}/ergebnisse/csv`,
		access: members
	},
	{
		kind: 'endpoint',
		route: `${eventRoute}/ergebnisse/[format]`,
		method: 'GET',
		path: `${seededEvent}/ergebnisse/xlsx`,
		access: members
	},
	page(
		`${eventRoute}/pinnwand/[board]/projektion`,
		editors,
		`${seededEvent}/pinnwand/{board}/projektion`
	),
	page(`${eventRoute}/umfragen`, editors, `${seededEvent}/umfragen`),
	...[
		'create',
		'move',
		'open',
		'close',
		'results',
		'projection',
		'project',
		'reset',
		'delete',
		'hide'
	].map((name) =>
		action(`${eventRoute}/umfragen`, name, editors, {
			path: `${noEvent}/umfragen`,
			form: { questionId: nobody }
		})
	),
	page(`${eventRoute}/umfragen/projektion`, editors, `${seededEvent}/umfragen/projektion`),
	page(`${eventRoute}/umfragen/ergebnisse`, members, `${seededEvent}/umfragen/ergebnisse`),
	{
		kind: 'endpoint',
		route: `${eventRoute}/umfragen/antworten.csv`,
		method: 'GET',
		path: `${seededEvent}/umfragen/antworten.csv`,
		access: members
	},
	{
		kind: 'endpoint',
		route: `${eventRoute}/umfragen/antworten.xlsx`,
		method: 'GET',
		path: `${seededEvent}/umfragen/antworten.xlsx`,
		access: members
	},
	{
		kind: 'endpoint',
		route: `${eventRoute}/umfragen/[questionId]/diagramm.svg`,
		method: 'GET',
		path: `${seededEvent}/umfragen/${nobody}/diagramm.svg`,
		access: members
	},
	page('/beschluesse', members),
	action('/beschluesse', 'publish', admins, { form: { documentId: nobody } }),
	action('/beschluesse', 'unpublish', admins, { form: { documentId: nobody } }),
	action('/beschluesse', 'showSources', admins, { form: { documentId: nobody } }),
	action('/beschluesse', 'hideSources', admins, { form: { documentId: nobody } }),
	{
		kind: 'endpoint',
		route: '/beschluesse/[slug]/stand.csv',
		method: 'GET',
		path: '/beschluesse/leitbild/stand.csv',
		access: members
	},
	{
		kind: 'endpoint',
		route: '/beschluesse/[slug]/stand.xlsx',
		method: 'GET',
		path: '/beschluesse/leitbild/stand.xlsx',
		access: members
	},
	page('/beschluesse/[slug]/[organisation]', members, '/beschluesse/leitbild/kamen'),
	// The seeded Leitbild has no frozen version: allowed actors get 400 for the empty step and plan,
	// so nothing is written.
	action('/beschluesse/[slug]/[organisation]', 'record', kamenSignatories, {
		path: '/beschluesse/leitbild/kamen',
		form: { stage: '', versionId: '', decidedOn: '', bodyName: '' }
	}),
	action('/beschluesse/[slug]/[organisation]', 'plan', kamenSignatories, {
		path: '/beschluesse/leitbild/kamen',
		form: { stage: 'unbekannt', plannedOn: '' }
	}),
	// Kamen has no council information system connected here: allowed actors get 400.
	action('/beschluesse/[slug]/[organisation]', 'link', kamenSignatories, {
		path: '/beschluesse/leitbild/kamen',
		form: { paper: 'DS 2027/017', versionId: nobody }
	}),
	action('/beschluesse/[slug]/[organisation]', 'confirm', kamenSignatories, {
		path: '/beschluesse/leitbild/kamen',
		form: { proposalId: '999999', date: '2026-11-02', bodyName: 'Rat' }
	}),
	action('/beschluesse/[slug]/[organisation]', 'dismiss', kamenSignatories, {
		path: '/beschluesse/leitbild/kamen',
		form: { proposalId: '999999' }
	}),
	action('/beschluesse/[slug]/[organisation]', 'sync', kamenSignatories, {
		path: '/beschluesse/leitbild/kamen'
	}),
	{
		kind: 'endpoint',
		route: '/beschluesse/[slug]/[organisation]/beschluss/[schritt]',
		method: 'GET',
		path: '/beschluesse/leitbild/kamen/beschluss/999999',
		access: members
	},
	// Unpublished: everyone gets the same 404, signed in or not.
	page('/transparenz/[slug]', everyone, '/transparenz/leitbild'),
	page('/verwaltung', members),
	page(organisationRoute, members, kamen),
	action(organisationRoute, 'invite', kamenManagers, {
		path: kamen,
		form: { email: 'tabelle@kamen.test', roles: ['viewer'] }
	}),
	action(organisationRoute, 'roles', kamenManagers, {
		path: kamen,
		form: { userId: nobody, roles: ['viewer'] }
	}),
	action(organisationRoute, 'deactivate', kamenManagers, { path: kamen, form: { userId: nobody } }),
	action(organisationRoute, 'reactivate', kamenManagers, { path: kamen, form: { userId: nobody } }),
	// The council information system: only admins connect one. A loopback address is refused
	// (the table's server does not allow private networks), so nothing is saved.
	page(`${organisationRoute}/oparl`, admins, `${kamen}/oparl`),
	action(`${organisationRoute}/oparl`, 'bodies', admins, {
		path: `${kamen}/oparl`,
		form: { systemUrl: 'http://127.0.0.1:9/oparl/system' }
	}),
	action(`${organisationRoute}/oparl`, 'save', admins, {
		path: `${kamen}/oparl`,
		form: {
			systemUrl: 'http://127.0.0.1:9/oparl/system',
			bodyUrl: 'http://127.0.0.1:9/oparl/body/kamen'
		}
	}),
	page('/verwaltung/protokoll', admins),
	// A person nobody has: admins get 404, so no one is anonymised by the table.
	page('/verwaltung/personen/[id]', admins, `/verwaltung/personen/${nobody}`),
	// The account of someone in Kamen only: Kamen's manager and the admins may act on it (#17).
	page('/verwaltung/personen/[id]', kamenManagers, viewerAccount),
	action('/verwaltung/personen/[id]', 'anonymise', admins, {
		path: `/verwaltung/personen/${nobody}`,
		form: { confirm: 'ja' }
	}),
	// Unconfirmed: allowed actors get 400, so the viewer keeps their account.
	...['anonymise', 'deactivateAccount'].map((name) =>
		action('/verwaltung/personen/[id]', name, kamenManagers, {
			path: viewerAccount,
			form: { confirm: '' }
		})
	),
	action('/verwaltung/personen/[id]', 'profile', kamenManagers, {
		path: viewerAccount,
		form: { name: '', email: '' }
	}),
	// Makes a link nobody uses; reactivating an active account changes nothing.
	...['resetLink', 'reactivateAccount'].map((name) =>
		action('/verwaltung/personen/[id]', name, kamenManagers, { path: viewerAccount })
	),
	{
		kind: 'endpoint',
		route: '/verwaltung/personen/[id]/daten.json',
		method: 'GET',
		path: `/verwaltung/personen/${nobody}/daten.json`,
		access: admins
	},
	{
		kind: 'endpoint',
		route: '/verwaltung/personen/[id]/daten.json',
		method: 'GET',
		path: `${viewerAccount}/daten.json`,
		access: kamenManagers
	},
	page('/impressum', everyone),
	page('/datenschutz', everyone),
	page('/barrierefreiheit', everyone),
	// An empty report is refused with 400: nothing is stored.
	action('/barrierefreiheit', 'default', everyone, { form: { message: '' } }),
	page('/verwaltung/rueckmeldungen', admins),
	page('/verwaltung/e-mail', admins),
	// A mail nobody has: admins get 409, nothing is sent.
	action('/verwaltung/e-mail', 'retry', admins, { form: { mailId: nobody } }),
	page('/leichte-sprache', everyone),
	page('/join', everyone),
	action('/join', 'default', everyone, { form: { code: '{code}' } }),
	page('/join/[code]', everyone, '/join/{code}'),
	action('/join/[code]', 'join', everyone, { path: '/join/{code}' }),
	action('/join/[code]', 'rejoin', everyone, { path: '/join/{code}' }),
	page('/teilnahme/[slug]', eventParticipant, '/teilnahme/zukunftskonferenz'),
	action('/teilnahme/[slug]', 'profile', eventParticipant, {
		path: '/teilnahme/zukunftskonferenz'
	}),
	action('/teilnahme/[slug]', 'newCode', eventParticipant, {
		path: '/teilnahme/zukunftskonferenz'
	}),
	action('/teilnahme/[slug]', 'leave', eventParticipant, { path: '/teilnahme/zukunftskonferenz' }),
	page(
		'/teilnahme/[slug]/pinnwand/[board]',
		eventParticipant,
		'/teilnahme/zukunftskonferenz/pinnwand/{board}'
	),
	page('/teilnahme/[slug]/umfrage', eventParticipant, '/teilnahme/zukunftskonferenz/umfrage'),
	action('/teilnahme/[slug]/umfrage', 'answer', eventParticipant, {
		path: '/teilnahme/zukunftskonferenz/umfrage',
		form: { questionId: nobody, choice: '0' }
	}),
	{ kind: 'endpoint', route: '/healthz', method: 'GET', access: everyone }
];
