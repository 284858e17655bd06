// Who may reach what: every page, endpoint and form action of the app, for every kind of actor.
// tests/authorisation.spec.ts fails for a route missing here and checks each cell against the
// running server. Who the actors are and the groups of answers come from the policy fixture
// (src/lib/server/policy-fixture.ts), which policy.test.ts checks against the policy itself.
import {
	access,
	actorNames,
	memberActorNames,
	type Access,
	type AccessRow,
	type ActorName
} from '../../src/lib/server/policy-fixture';
import { anchorPair } from '../support/documents';
import type { RouteKind } from '../support/routes';
import {
	archivedDocument,
	archivedEvent,
	freshDocument,
	freshEvent,
	deactivatedAccount,
	deactivatedKamenMember,
	freshKamenMember,
	freshQuestion,
	ownThread,
	resolvedThread,
	seededGroup,
	type Prepare
} from './targets';

export { actorNames, type Access, type ActorName };

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
	/** The request changes the cookies it is sent with (it ends the session, or joins an event as
	 * a participant): each actor signs in afresh for it. */
	endsSession?: boolean;
	/** Makes the row's target for each actor's request; its values fill `{placeholders}`. */
	prepare?: Prepare;
	/**
	 * allow: served, 2xx or 3xx (not to the sign-in page); deny: 401 or 403, or for a visitor
	 * without an account asking for a page, a redirect to sign in.
	 */
	access: AccessRow;
	/**
	 * For rows whose target cannot be real (and for error pages): the status an allowed actor
	 * gets instead of 2xx/3xx, and why. Allowed still means past the guard: the exact status shows
	 * the request reached the lookup or the input check behind it.
	 */
	notReal?: {
		status: 400 | 404 | 409 | 410;
		why: string;
		/** Actors for whom the target is real after all: they must get 2xx or 3xx. */
		realFor?: readonly ActorName[];
	};
}

const { everyone, members, admins, editors, kamenManagers, kamenSignatories, signatories } = access;
const { eventParticipant } = access;

const page = (
	route: string,
	access: AccessRow,
	path?: string,
	options: Pick<RouteCase, 'notReal'> = {}
): RouteCase => ({ kind: 'page', route, method: 'GET', access, path, ...options });

const action = (
	route: string,
	name: string,
	access: AccessRow,
	options: Pick<RouteCase, 'path' | 'form' | 'prepare' | 'notReal' | 'endsSession'> = {}
): RouteCase => ({ kind: 'action', route, method: 'POST', action: name, access, ...options });

/** A row's target as it cannot be real, and why: allowed actors get this status. */
const refused = (status: 400 | 404 | 409 | 410, why: string, realFor?: readonly ActorName[]) => ({
	notReal: { status, why, realFor }
});
/** An error page: what an unknown or unpublished address answers everyone who may ask. */
const notFound = (why: string) => refused(404, why);

/** A valid UUID nobody has, for rows whose target cannot be real. */
const nobody = '00000000-0000-4000-8000-000000000000';
const kamen = '/verwaltung/organisationen/kamen';
const seededEvent = '/konferenzen/zukunftskonferenz';
/** Each actor's own new event (targets.ts). */
const freshEventPath = '/konferenzen/{event}';
/** An event nobody has, for its error page. */
const noEvent = '/konferenzen/gibt-es-nicht';
const eventRoute = '/konferenzen/[slug]';
const organisationRoute = '/verwaltung/organisationen/[slug]';
const viewerAccount = '/verwaltung/personen/{viewerUser}';
const freshMemberAccount = '/verwaltung/personen/{member}';
/** Changing the seeded Leitbild's text, status, versions or settings would change what every
 * later file on this worker's server reads; these rows stop at the input check. */
/** What a phone sends to join the seeded event: a name and a working group (seededGroup). */
const joinForm = {
	displayName: 'Aus der Tabelle',
	workingGroupId: '{group}',
	affiliationOrganisationId: '',
	organisationType: ''
};
const leitbildStaysAsItIs = 'der geteilte Leitbild-Entwurf bleibt, wie er ist';
/** Proposals need anchors into the live text (proposals.spec.ts makes real ones). */
const noLiveAnchors = 'ohne Anker im lebenden Text';

export const routeTable: RouteCase[] = [
	page('/', everyone),
	page('/anmelden', everyone),
	action(
		'/anmelden',
		'default',
		everyone,
		// Signed-in members are sent on; signing in anew would cost them the worker's session.
		refused(400, 'eine leere Anmeldung', memberActorNames)
	),
	{
		kind: 'endpoint',
		route: '/abmelden',
		method: 'POST',
		access: everyone,
		endsSession: true
	},
	page('/konto', members),
	action('/konto', 'name', members, refused(400, 'Namen der Darsteller bleiben')),
	action('/konto', 'password', members, refused(400, 'Passwörter der Darsteller bleiben')),
	action('/konto', 'mail', members, { form: { kinds: ['mention', 'comment-reply'] } }),
	// Only while mail is on; the table's server has none, so everyone gets 404.
	page('/passwort-vergessen', everyone, undefined, notFound('ohne E-Mail-Versand')),
	action('/passwort-vergessen', 'default', everyone, {
		form: { email: 'niemand@kamen.test' },
		...refused(404, 'ohne E-Mail-Versand gibt es die Seite nicht')
	}),
	// The signed link is the permission; an unsigned one is 404 for everyone.
	page(
		'/e-mail-abbestellen/[token]',
		everyone,
		'/e-mail-abbestellen/unbekannt',
		notFound('ein unsignierter Link')
	),
	action('/e-mail-abbestellen/[token]', 'default', everyone, {
		path: '/e-mail-abbestellen/unbekannt',
		...refused(404, 'ein unsignierter Link')
	}),
	// An unknown link gets a page that says so.
	page('/einladung/[token]', everyone, '/einladung/unbekannt'),
	...['create', 'signIn', 'accept'].map((name) =>
		action('/einladung/[token]', name, everyone, {
			path: '/einladung/unbekannt',
			...refused(410, 'ein unbekannter Link')
		})
	),
	page('/passwort-zuruecksetzen/[token]', everyone, '/passwort-zuruecksetzen/unbekannt'),
	action('/passwort-zuruecksetzen/[token]', 'default', everyone, {
		path: '/passwort-zuruecksetzen/unbekannt',
		...refused(400, 'ein unbekannter Link')
	}),
	page('/dokumente', members),
	action('/dokumente', 'create', editors, {
		form: { title: 'Aus der Tabelle', kind: 'sonstiges' }
	}),
	action('/dokumente', 'archive', editors, {
		prepare: freshDocument,
		form: { documentId: '{document}' }
	}),
	action('/dokumente', 'restore', editors, {
		prepare: archivedDocument,
		form: { documentId: '{document}' }
	}),
	action('/dokumente', 'delete', admins, {
		prepare: freshDocument,
		form: { documentId: '{document}', confirm: 'ja' }
	}),
	page('/dokumente/[slug]', members, '/dokumente/leitbild'),
	page(
		'/dokumente/[slug]',
		members,
		'/dokumente/gibt-es-nicht',
		notFound('ein unbekanntes Dokument')
	),
	action('/dokumente/[slug]', 'status', editors, {
		path: '/dokumente/leitbild',
		form: { status: 'unbekannt' },
		...refused(400, leitbildStaysAsItIs)
	}),
	page('/dokumente/[slug]/fassungen', members, '/dokumente/leitbild/fassungen'),
	action('/dokumente/[slug]/fassungen', 'freeze', editors, {
		path: '/dokumente/leitbild/fassungen',
		form: { name: '' },
		...refused(400, leitbildStaysAsItIs)
	}),
	// The seeded documents have no versions: readers get the "no such version" page.
	page(
		'/dokumente/[slug]/fassungen/[nummer]',
		members,
		'/dokumente/leitbild/fassungen/999',
		notFound('eine Fassung, die es nicht gibt')
	),
	action('/dokumente/[slug]/fassungen/[nummer]', 'restore', editors, {
		path: '/dokumente/leitbild/fassungen/999',
		form: { confirm: 'ja' },
		...refused(404, leitbildStaysAsItIs)
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
	// Members comment where the document allows it (the seeded Leitbild does): each starts, answers,
	// resolves and reopens a thread of their own.
	action('/dokumente/[slug]', 'comment', members, {
		path: '/dokumente/leitbild',
		form: { ...anchorPair(), quote: 'irgendwo', body: 'Aus der Tabelle' }
	}),
	action('/dokumente/[slug]', 'reply', members, {
		path: '/dokumente/leitbild',
		prepare: ownThread,
		form: { threadId: '{thread}', body: 'Eine Antwort' }
	}),
	action('/dokumente/[slug]', 'resolve', members, {
		path: '/dokumente/leitbild',
		prepare: ownThread,
		form: { threadId: '{thread}' }
	}),
	action('/dokumente/[slug]', 'reopen', members, {
		path: '/dokumente/leitbild',
		prepare: resolvedThread,
		form: { threadId: '{thread}' }
	}),
	// Members propose where the document allows it (the seeded Leitbild does); editors decide.
	...['propose', 'reviseProposal', 'proposalReason', 'withdrawProposal', 'proposalReply'].map(
		(name) =>
			action('/dokumente/[slug]', name, members, {
				path: '/dokumente/leitbild',
				...refused(400, noLiveAnchors)
			})
	),
	...['acceptProposal', 'rejectProposal', 'reopenProposal'].map((name) =>
		action('/dokumente/[slug]', name, editors, {
			path: '/dokumente/leitbild',
			form: { proposalId: nobody },
			...refused(404, noLiveAnchors)
		})
	),
	action('/dokumente/[slug]', 'proposalSettings', editors, {
		path: '/dokumente/leitbild',
		form: { viewersMayPropose: 'kaputt' },
		...refused(400, leitbildStaysAsItIs)
	}),
	action('/dokumente/[slug]', 'commentSettings', editors, {
		path: '/dokumente/leitbild',
		form: { viewersMayComment: 'kaputt' },
		...refused(400, leitbildStaysAsItIs)
	}),
	page('/dokumente/[slug]/konsens', members, '/dokumente/leitbild/konsens'),
	action('/dokumente/[slug]/konsens', 'consensusSettings', editors, {
		path: '/dokumente/leitbild/konsens',
		form: { countHeadings: 'kaputt' },
		...refused(400, leitbildStaysAsItIs)
	}),
	...['consent', 'withdrawConsent'].map((name) =>
		action('/dokumente/[slug]', name, signatories, {
			path: '/dokumente/leitbild',
			...refused(400, leitbildStaysAsItIs)
		})
	),
	...['linkSource', 'unlinkSource', 'restoreSource', 'sourceEvents'].map((name) =>
		action('/dokumente/[slug]', name, editors, {
			path: '/dokumente/leitbild',
			...refused(400, leitbildStaysAsItIs)
		})
	),
	page('/konferenzen', members),
	page('/konferenzen/neu', editors),
	action('/konferenzen/neu', 'default', editors, {
		form: { title: 'Aus der Tabelle', date: '2027-05-04' }
	}),
	page(eventRoute, members, seededEvent),
	page(eventRoute, members, noEvent, notFound('eine unbekannte Veranstaltung')),
	// Each on a new event of its own (targets.ts), so the seeded one stays open for joining.
	...['open', 'close', 'rotateCode', 'copy', 'archive'].map((name) =>
		action(eventRoute, name, editors, { path: freshEventPath, prepare: freshEvent })
	),
	action(eventRoute, 'restore', editors, { path: freshEventPath, prepare: archivedEvent }),
	page(`${eventRoute}/bearbeiten`, editors, `${seededEvent}/bearbeiten`),
	action(`${eventRoute}/bearbeiten`, 'default', editors, {
		path: `${freshEventPath}/bearbeiten`,
		prepare: freshEvent,
		form: { title: 'Umbenannt in der Tabelle', date: '2027-05-05' }
	}),
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
	// Each on a new event of its own, with one question (targets.ts).
	action(`${eventRoute}/umfragen`, 'create', editors, {
		path: `${freshEventPath}/umfragen`,
		prepare: freshEvent,
		form: { type: 'text', prompt: 'Was fehlt noch?' }
	}),
	...(
		[
			['move', { direction: 'up' }],
			['open', {}],
			['close', {}],
			['results', { visible: 'ja' }],
			['projection', { projection: 'live' }],
			['project', {}],
			['reset', { confirm: 'ja' }],
			['delete', { confirm: 'ja' }]
		] as const
	).map(([name, fields]) =>
		action(`${eventRoute}/umfragen`, name, editors, {
			path: `${freshEventPath}/umfragen`,
			prepare: freshQuestion,
			form: { questionId: '{question}', ...fields }
		})
	),
	action(`${eventRoute}/umfragen`, 'hide', editors, {
		path: `${freshEventPath}/umfragen`,
		prepare: freshQuestion,
		form: { questionId: '{question}', answerId: nobody, hidden: 'ja' },
		...refused(404, 'eine Antwort, die es nicht gibt: Antworten geben nur Handys')
	}),
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
		access: members,
		...refused(404, 'eine Frage, die es nicht gibt')
	},
	page('/beschluesse', members),
	...['publish', 'unpublish', 'showSources', 'hideSources'].map((name) =>
		action('/beschluesse', name, admins, {
			form: { documentId: nobody },
			...refused(404, 'die Veröffentlichung des Leitbilds bleibt, wie sie ist')
		})
	),
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
	// The seeded Leitbild has no frozen version, and Kamen no council information system here.
	action('/beschluesse/[slug]/[organisation]', 'record', kamenSignatories, {
		path: '/beschluesse/leitbild/kamen',
		form: { stage: '', versionId: '', decidedOn: '', bodyName: '' },
		...refused(400, 'das Leitbild hat keine beschlossene Fassung')
	}),
	action('/beschluesse/[slug]/[organisation]', 'plan', kamenSignatories, {
		path: '/beschluesse/leitbild/kamen',
		form: { stage: 'unbekannt', plannedOn: '' },
		...refused(400, 'der Stand von Kamen bleibt, wie er ist')
	}),
	action('/beschluesse/[slug]/[organisation]', 'link', kamenSignatories, {
		path: '/beschluesse/leitbild/kamen',
		form: { paper: 'DS 2027/017', versionId: nobody },
		...refused(400, 'kein Ratsinformationssystem angebunden')
	}),
	action('/beschluesse/[slug]/[organisation]', 'confirm', kamenSignatories, {
		path: '/beschluesse/leitbild/kamen',
		form: { proposalId: '999999', date: '2026-11-02', bodyName: 'Rat' },
		...refused(400, 'kein Ratsinformationssystem angebunden')
	}),
	action('/beschluesse/[slug]/[organisation]', 'dismiss', kamenSignatories, {
		path: '/beschluesse/leitbild/kamen',
		form: { proposalId: '999999' },
		...refused(400, 'kein Ratsinformationssystem angebunden')
	}),
	action('/beschluesse/[slug]/[organisation]', 'sync', kamenSignatories, {
		path: '/beschluesse/leitbild/kamen',
		...refused(400, 'kein Ratsinformationssystem angebunden')
	}),
	{
		kind: 'endpoint',
		route: '/beschluesse/[slug]/[organisation]/beschluss/[schritt]',
		method: 'GET',
		path: '/beschluesse/leitbild/kamen/beschluss/999999',
		access: members,
		...refused(404, 'das Leitbild hat keinen Beschluss')
	},
	// Unpublished: everyone gets the same 404, signed in or not.
	page('/transparenz/[slug]', everyone, '/transparenz/leitbild', notFound('nicht veröffentlicht')),
	page('/verwaltung', members),
	page(organisationRoute, members, kamen),
	action(organisationRoute, 'invite', kamenManagers, {
		path: kamen,
		form: { email: 'tabelle@kamen.test', roles: ['viewer'] }
	}),
	// Each on a new member of Kamen of their own (targets.ts).
	action(organisationRoute, 'roles', kamenManagers, {
		path: kamen,
		prepare: freshKamenMember,
		form: { userId: '{member}', roles: ['editor'] }
	}),
	action(organisationRoute, 'deactivate', kamenManagers, {
		path: kamen,
		prepare: freshKamenMember,
		form: { userId: '{member}' }
	}),
	action(organisationRoute, 'reactivate', kamenManagers, {
		path: kamen,
		prepare: deactivatedKamenMember,
		form: { userId: '{member}' }
	}),
	// The council information system: only admins connect one. A loopback address is refused
	// (the table's server does not allow private networks), so nothing is saved.
	page(`${organisationRoute}/oparl`, admins, `${kamen}/oparl`),
	action(`${organisationRoute}/oparl`, 'bodies', admins, {
		path: `${kamen}/oparl`,
		form: { systemUrl: 'http://127.0.0.1:9/oparl/system' },
		...refused(400, 'keine Verbindung ins lokale Netz')
	}),
	action(`${organisationRoute}/oparl`, 'save', admins, {
		path: `${kamen}/oparl`,
		form: {
			systemUrl: 'http://127.0.0.1:9/oparl/system',
			bodyUrl: 'http://127.0.0.1:9/oparl/body/kamen'
		},
		...refused(400, 'keine Verbindung ins lokale Netz')
	}),
	page('/verwaltung/protokoll', admins),
	// The account of someone in Kamen only: Kamen's manager and the admins may act on it (#17).
	page('/verwaltung/personen/[id]', kamenManagers, viewerAccount),
	page(
		'/verwaltung/personen/[id]',
		admins,
		`/verwaltung/personen/${nobody}`,
		notFound('eine Person, die es nicht gibt')
	),
	// Each on a new person in Kamen only, who, like the viewer, is Kamen's manager's to act on.
	...['anonymise', 'deactivateAccount'].map((name) =>
		action('/verwaltung/personen/[id]', name, kamenManagers, {
			path: freshMemberAccount,
			prepare: freshKamenMember,
			form: { confirm: 'ja' }
		})
	),
	action('/verwaltung/personen/[id]', 'profile', kamenManagers, {
		path: freshMemberAccount,
		prepare: freshKamenMember,
		form: { name: 'Umbenannt in der Tabelle', email: 'umbenannt-{member}@kamen.test' }
	}),
	action('/verwaltung/personen/[id]', 'reactivateAccount', kamenManagers, {
		path: freshMemberAccount,
		prepare: deactivatedAccount
	}),
	// Makes a link nobody uses.
	action('/verwaltung/personen/[id]', 'resetLink', kamenManagers, { path: viewerAccount }),
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
	action('/barrierefreiheit', 'default', everyone, {
		form: { message: '' },
		...refused(400, 'leere Meldungen landen nicht im Postfach der Administration')
	}),
	page('/verwaltung/rueckmeldungen', admins),
	page('/verwaltung/e-mail', admins),
	page('/verwaltung/betrieb', admins),
	action('/verwaltung/e-mail', 'retry', admins, {
		form: { mailId: nobody },
		...refused(409, 'ohne E-Mail-Versand gibt es nichts zu wiederholen')
	}),
	page('/leichte-sprache', everyone),
	page('/join', everyone),
	action('/join', 'default', everyone, { form: { code: '{code}' } }),
	page('/join/[code]', everyone, '/join/{code}'),
	action('/join/[code]', 'join', everyone, {
		path: '/join/{code}',
		prepare: seededGroup,
		form: joinForm,
		endsSession: true
	}),
	action('/join/[code]', 'rejoin', everyone, {
		path: '/join/{code}',
		// The participant's own cookie brings them back; everyone else lacks a code.
		...refused(400, 'ohne Wiedereinstiegscode', ['participant'])
	}),
	page('/teilnahme/[slug]', eventParticipant, '/teilnahme/zukunftskonferenz'),
	action('/teilnahme/[slug]', 'profile', eventParticipant, {
		path: '/teilnahme/zukunftskonferenz',
		prepare: seededGroup,
		form: { ...joinForm, displayName: 'Tabea Teilnahme' }
	}),
	action('/teilnahme/[slug]', 'newCode', eventParticipant, {
		path: '/teilnahme/zukunftskonferenz'
	}),
	action('/teilnahme/[slug]', 'leave', eventParticipant, {
		path: '/teilnahme/zukunftskonferenz',
		...refused(400, 'die Teilnehmerin der Tabelle bleibt')
	}),
	page(
		'/teilnahme/[slug]/pinnwand/[board]',
		eventParticipant,
		'/teilnahme/zukunftskonferenz/pinnwand/{board}'
	),
	page('/teilnahme/[slug]/umfrage', eventParticipant, '/teilnahme/zukunftskonferenz/umfrage'),
	action('/teilnahme/[slug]/umfrage', 'answer', eventParticipant, {
		path: '/teilnahme/zukunftskonferenz/umfrage',
		form: { questionId: nobody, choice: '0' },
		...refused(404, 'eine Frage, die es nicht gibt')
	}),
	{ kind: 'endpoint', route: '/healthz', method: 'GET', access: everyone },
	// Not by actor: by the connection. The test server is reached from loopback with no proxy in
	// front, so everyone reads it there; tests/metrics.spec.ts checks the proxy and token rules.
	{ kind: 'endpoint', route: '/metrics', method: 'GET', access: everyone }
];
