// Every form action and POST endpoint with a valid request and what its fields are, so that
// tests/hostile-input.spec.ts can break one field at a time and send bodies that are not forms.
// The spec fails for an action missing here. Placeholders in braces ({document}, {question}, …)
// stand for things the spec creates before it starts; see `HostileContext` there.
import type { ActorName } from './route-table';

/** What a field holds, which decides the wrongly typed values it is sent. */
export type FieldKind =
	| 'text'
	| 'password'
	| 'email'
	| 'uuid'
	| 'enum'
	| 'number'
	| 'date'
	| 'boolean'
	| 'anchor'
	| 'code';

export interface FieldSpec {
	kind: FieldKind;
	/** Optional fields may be missing or empty; they are still sent overlong and mistyped values. */
	optional?: boolean;
	/** A text whose line breaks belong to it (a textarea). Every other text is one line: a line
	 * break or a direction mark in it is refused like a control character. */
	multiLine?: boolean;
	/** Why a text does not refuse control and direction characters. Every other text is sent them
	 * and must refuse them, saying "Steuerzeichen". */
	keepsControlCharacters?: string;
	/** Why an overlong value is shortened on purpose instead of refused; it is then not sent. */
	shortensOverlong?: string;
}

export interface HostileCase {
	route: string;
	/** The form action's name; absent for a POST endpoint. */
	action?: string;
	/** Who is allowed to do it, so that refusals come from the input and not from the actor. */
	actor: ActorName;
	/** The URL to post to, with placeholders. */
	path: string;
	/** A valid form: each variant breaks one field of it. */
	form: Record<string, string | string[]>;
	fields: Record<string, FieldSpec>;
	/** Tells apart several rows for one action (the kinds of a poll question). */
	variant?: string;
	/** For actions that read nothing from the form: why. They are still sent bodies that are no
	 * form at all, which must not run them. */
	noInput?: string;
}

/** A one-line text: a name, a title, a question, shown in lists and on the projector. */
const line = (options: Partial<FieldSpec> = {}): FieldSpec => ({ kind: 'text', ...options });
/** A text over several lines: a comment, a description, a note. */
const lines = (options: Partial<FieldSpec> = {}): FieldSpec => ({
	kind: 'text',
	multiLine: true,
	...options
});
const uuid: FieldSpec = { kind: 'uuid' };
const enumField = (optional = false): FieldSpec => ({ kind: 'enum', optional });
const flag: FieldSpec = { kind: 'boolean', optional: true };
const confirm: FieldSpec = { kind: 'boolean' };
const password: FieldSpec = { kind: 'password' };

const seededEvent = '/konferenzen/zukunftskonferenz';
const eventRoute = '/konferenzen/[slug]';
const kamen = '/verwaltung/organisationen/kamen';
const organisationRoute = '/verwaltung/organisationen/[slug]';
const participantHome = '/teilnahme/zukunftskonferenz';

const noInput = (route: string, action: string, actor: ActorName, path: string, why: string) => ({
	route,
	action,
	actor,
	path,
	form: {},
	fields: {},
	noInput: why
});

const eventForm = {
	form: {
		title: 'Feindliche Eingaben',
		date: '2026-12-01',
		place: 'Kreishaus Unna',
		description: 'Eine Probe',
		agenda: 'Begrüßung\nArbeitsgruppen',
		asksAffiliation: 'ja',
		ownGroupBoardsOnly: 'ja',
		groupId: '',
		groupTitle: 'Gruppe A',
		groupQuestion: 'Was wollen wir?'
	},
	fields: {
		title: line(),
		date: { kind: 'date' },
		place: line({ optional: true }),
		description: lines({ optional: true }),
		// One item per line.
		agenda: lines({ optional: true }),
		asksAffiliation: flag,
		ownGroupBoardsOnly: flag,
		groupTitle: line({ optional: true }),
		groupQuestion: lines({ optional: true })
	}
} satisfies Pick<HostileCase, 'form' | 'fields'>;

const questionAction = (action: string, extra: Pick<HostileCase, 'form' | 'fields'>) => ({
	route: `${eventRoute}/umfragen`,
	action,
	actor: 'editor' as const,
	path: `${seededEvent}/umfragen`,
	form: { questionId: '{question}', ...extra.form },
	fields: { questionId: uuid, ...extra.fields }
});

const memberAction = (action: string): HostileCase => ({
	route: organisationRoute,
	action,
	actor: 'manager',
	path: kamen,
	form: { userId: '{viewerUser}' },
	fields: { userId: uuid }
});

export const hostileTable: HostileCase[] = [
	{
		route: '/anmelden',
		action: 'default',
		actor: 'anonymous',
		path: '/anmelden',
		form: { email: '{adminEmail}', password: '{adminPassword}', weiter: '/dokumente' },
		fields: {
			email: { kind: 'email' },
			password,
			weiter: line({
				optional: true,
				keepsControlCharacters:
					'Die Rücksprungadresse wird nicht gespeichert; eine fremde oder kaputte führt auf die Startseite.'
			})
		}
	},
	{
		route: '/abmelden',
		actor: 'viewer',
		path: '/abmelden',
		form: {},
		fields: {},
		noInput: 'Abmelden liest kein Feld; jeder Körper beendet nur die eigene Anmeldung.'
	},
	{
		route: '/konto',
		action: 'name',
		actor: 'viewer',
		path: '/konto',
		form: { name: 'Vera Lesend' },
		fields: { name: line() }
	},
	{
		route: '/konto',
		action: 'password',
		actor: 'viewer',
		path: '/konto',
		form: {
			currentPassword: '{memberPassword}',
			password: 'Neues-Passwort-2026',
			passwordRepeat: 'Neues-Passwort-2026'
		},
		fields: { currentPassword: password, password, passwordRepeat: password }
	},
	{
		route: '/passwort-vergessen',
		action: 'default',
		actor: 'anonymous',
		path: '/passwort-vergessen',
		form: { email: 'niemand@kamen.test' },
		fields: { email: { kind: 'email' } }
	},
	noInput(
		'/e-mail-abbestellen/[token]',
		'default',
		'anonymous',
		'/e-mail-abbestellen/unbekannt',
		'Ein Knopf ohne Felder: der signierte Link sagt, wessen welche E-Mails abbestellt werden.'
	),
	{
		route: '/konto',
		action: 'mail',
		actor: 'viewer',
		path: '/konto',
		form: { kinds: ['mention', 'comment-reply'] },
		fields: { kinds: enumField(true) }
	},
	{
		route: '/verwaltung/e-mail',
		action: 'retry',
		actor: 'admin',
		path: '/verwaltung/e-mail',
		form: { mailId: '00000000-0000-4000-8000-000000000000' },
		fields: { mailId: uuid }
	},
	{
		route: '/einladung/[token]',
		action: 'create',
		actor: 'anonymous',
		path: '{invitation}',
		form: {
			name: 'Ina Eingeladen',
			password: 'Ein-Passwort-2026',
			passwordRepeat: 'Ein-Passwort-2026'
		},
		fields: { name: line(), password, passwordRepeat: password }
	},
	{
		route: '/einladung/[token]',
		action: 'signIn',
		actor: 'anonymous',
		path: '{invitation}',
		form: { password: 'Ein-Passwort-2026' },
		fields: { password }
	},
	noInput(
		'/einladung/[token]',
		'accept',
		'anonymous',
		'{invitation}',
		'Ein Knopf ohne Felder: angenommen wird für das angemeldete Konto.'
	),
	{
		route: '/passwort-zuruecksetzen/[token]',
		action: 'default',
		actor: 'anonymous',
		path: '{passwordReset}',
		form: { password: 'Ein-Passwort-2026', passwordRepeat: 'Ein-Passwort-2026' },
		fields: { password, passwordRepeat: password }
	},
	{
		route: '/dokumente',
		action: 'create',
		actor: 'editor',
		path: '/dokumente',
		form: { title: 'Feindliche Eingaben', kind: 'sonstiges' },
		fields: { title: line(), kind: enumField() }
	},
	...['archive', 'restore'].map((action) => ({
		route: '/dokumente',
		action,
		actor: 'editor' as const,
		path: '/dokumente',
		form: { documentId: '{document}' },
		fields: { documentId: uuid }
	})),
	{
		route: '/dokumente',
		action: 'delete',
		actor: 'admin',
		path: '/dokumente',
		form: { documentId: '{document}', confirm: 'ja' },
		fields: { documentId: uuid, confirm }
	},
	{
		route: '/dokumente/[slug]',
		action: 'status',
		actor: 'editor',
		path: '/dokumente/leitbild',
		form: { status: 'beschlossen' },
		fields: { status: enumField() }
	},
	{
		route: '/dokumente/[slug]',
		action: 'comment',
		actor: 'editor',
		path: '/dokumente/leitbild',
		form: {
			anchorStart: '{anchorStart}',
			anchorEnd: '{anchorEnd}',
			quote: 'Unser Leitbild',
			body: 'Ein Kommentar'
		},
		fields: {
			anchorStart: { kind: 'anchor' },
			anchorEnd: { kind: 'anchor' },
			quote: line({
				shortensOverlong:
					'Das Zitat erinnert nur an die markierte Stelle; lange Markierungen werden gekürzt.',
				keepsControlCharacters:
					'Das Zitat tippt niemand, es kommt aus dem Dokument: Steuerzeichen werden ausgelassen.'
			}),
			body: lines()
		}
	},
	{
		route: '/dokumente/[slug]',
		action: 'reply',
		actor: 'editor',
		path: '/dokumente/leitbild',
		form: { threadId: '{thread}', body: 'Eine Antwort' },
		fields: { threadId: uuid, body: lines() }
	},
	...['resolve', 'reopen'].map((action) => ({
		route: '/dokumente/[slug]',
		action,
		actor: 'editor' as const,
		path: '/dokumente/leitbild',
		form: { threadId: '{thread}' },
		fields: { threadId: uuid }
	})),
	{
		route: '/dokumente/[slug]',
		action: 'commentSettings',
		actor: 'editor',
		path: '/dokumente/leitbild',
		form: { viewersMayComment: 'on' },
		fields: { viewersMayComment: flag }
	},
	{
		route: '/dokumente/[slug]',
		action: 'propose',
		actor: 'editor',
		path: '/dokumente/leitbild',
		form: {
			anchorStart: '{anchorStart}',
			anchorEnd: '{anchorEnd}',
			text: 'Ein Vorschlag',
			organisationId: '{kamenOrganisation}',
			proposalId: '00000000-0000-4000-8000-000000000001',
			reason: 'Klarer'
		},
		fields: {
			anchorStart: { kind: 'anchor' },
			anchorEnd: { kind: 'anchor' },
			// Empty proposed words are a deletion.
			text: line({ optional: true }),
			organisationId: uuid,
			reason: line({ optional: true }),
			proposalId: { kind: 'uuid', optional: true }
		}
	},
	{
		route: '/dokumente/[slug]',
		action: 'consent',
		actor: 'signatory',
		path: '/dokumente/leitbild',
		form: {
			blockId: '{passage}',
			organisationId: '{kamenOrganisation}',
			state: 'concern',
			note: 'Zu unbestimmt.'
		},
		fields: {
			blockId: uuid,
			organisationId: uuid,
			state: enumField(),
			note: lines({ optional: true })
		}
	},
	{
		route: '/dokumente/[slug]',
		action: 'reviseProposal',
		actor: 'editor',
		path: '/dokumente/leitbild',
		form: {
			proposalId: '{proposal}',
			anchorStart: '{anchorStart}',
			anchorEnd: '{anchorEnd}',
			text: 'Ein Vorschlag'
		},
		fields: {
			proposalId: uuid,
			anchorStart: { kind: 'anchor' },
			anchorEnd: { kind: 'anchor' },
			text: line({ optional: true })
		}
	},
	{
		route: '/dokumente/[slug]',
		action: 'proposalReason',
		actor: 'editor',
		path: '/dokumente/leitbild',
		form: { proposalId: '{proposal}', reason: 'Klarer' },
		fields: {
			proposalId: uuid,
			reason: line({ optional: true })
		}
	},
	{
		route: '/dokumente/[slug]',
		action: 'proposalReply',
		actor: 'editor',
		path: '/dokumente/leitbild',
		form: { proposalId: '{proposal}', body: 'Eine Antwort' },
		fields: { proposalId: uuid, body: lines() }
	},
	...['withdrawProposal', 'acceptProposal', 'rejectProposal', 'reopenProposal'].map((action) => ({
		route: '/dokumente/[slug]',
		action,
		actor: 'editor' as const,
		path: '/dokumente/leitbild',
		form: { proposalId: '{proposal}' },
		fields: { proposalId: uuid }
	})),
	{
		route: '/dokumente/[slug]',
		action: 'proposalSettings',
		actor: 'editor',
		path: '/dokumente/leitbild',
		form: { viewersMayPropose: 'on' },
		fields: { viewersMayPropose: flag }
	},
	{
		route: '/dokumente/[slug]/konsens',
		action: 'consensusSettings',
		actor: 'editor',
		path: '/dokumente/leitbild/konsens',
		form: { countHeadings: 'on' },
		fields: { countHeadings: flag }
	},
	{
		route: '/dokumente/[slug]',
		action: 'withdrawConsent',
		actor: 'signatory',
		path: '/dokumente/leitbild',
		form: { blockId: '{passage}', organisationId: '{kamenOrganisation}' },
		fields: { blockId: uuid, organisationId: uuid }
	},
	{
		route: '/dokumente/[slug]',
		action: 'linkSource',
		actor: 'editor',
		path: '/dokumente/leitbild',
		form: {
			blockId: '{passage}',
			kind: 'poll-option',
			questionId: '{openQuestion}',
			optionIndex: '0'
		},
		fields: { blockId: uuid, kind: enumField(), questionId: uuid, optionIndex: { kind: 'number' } }
	},
	...['unlinkSource', 'restoreSource'].map((action) => ({
		route: '/dokumente/[slug]',
		action,
		actor: 'editor' as const,
		path: '/dokumente/leitbild',
		form: { linkId: '1' },
		fields: { linkId: { kind: 'number' as const } }
	})),
	{
		route: '/dokumente/[slug]',
		action: 'sourceEvents',
		actor: 'editor',
		path: '/dokumente/leitbild',
		form: { eventId: ['{event}'] },
		fields: { eventId: uuid }
	},
	{
		route: '/dokumente/[slug]/fassungen',
		action: 'freeze',
		actor: 'editor',
		path: '/dokumente/leitbild/fassungen',
		form: { name: 'Neue Fassung' },
		fields: { name: line() }
	},
	{
		route: '/dokumente/[slug]/fassungen/[nummer]',
		action: 'restore',
		actor: 'editor',
		path: '/dokumente/leitbild/fassungen/1',
		form: { confirm: 'ja' },
		fields: { confirm }
	},
	{
		route: '/konferenzen/neu',
		action: 'default',
		actor: 'editor',
		path: '/konferenzen/neu',
		...eventForm
	},
	{
		route: `${eventRoute}/bearbeiten`,
		action: 'default',
		actor: 'editor',
		path: `${seededEvent}/bearbeiten`,
		...eventForm
	},
	...['open', 'close', 'rotateCode', 'copy', 'archive', 'restore'].map((action) =>
		noInput(eventRoute, action, 'editor', seededEvent, 'Ein Knopf ohne Felder.')
	),
	...(['single', 'multiple', 'scale'] as const).map((type) => ({
		route: `${eventRoute}/umfragen`,
		action: 'create',
		variant: type,
		actor: 'editor' as const,
		path: `${seededEvent}/umfragen`,
		form: {
			type,
			prompt: 'Wie geht es weiter?',
			options: type === 'scale' ? '' : 'Schnell\nLangsam\nGar nicht',
			maxChoices: type === 'multiple' ? '2' : '',
			scaleMin: type === 'scale' ? '1' : '',
			scaleMax: type === 'scale' ? '5' : '',
			scaleMinLabel: type === 'scale' ? 'wenig' : '',
			scaleMaxLabel: type === 'scale' ? 'viel' : '',
			allowChange: 'ja',
			projection: 'freigabe'
		},
		fields: {
			type: enumField(),
			prompt: line(),
			...(type === 'scale'
				? {
						scaleMin: { kind: 'number', optional: true },
						scaleMax: { kind: 'number', optional: true },
						scaleMinLabel: line({ optional: true }),
						scaleMaxLabel: line({ optional: true })
					}
				: // One answer per line.
					{ options: lines() }),
			...(type === 'multiple' ? { maxChoices: { kind: 'number', optional: true } } : {}),
			allowChange: flag,
			projection: enumField(true)
		} satisfies Record<string, FieldSpec>
	})),
	questionAction('move', { form: { direction: 'down' }, fields: { direction: enumField() } }),
	questionAction('open', { form: {}, fields: {} }),
	questionAction('close', { form: {}, fields: {} }),
	questionAction('project', { form: {}, fields: {} }),
	questionAction('results', { form: { visible: 'ja' }, fields: { visible: enumField() } }),
	questionAction('projection', {
		form: { projection: 'live' },
		fields: { projection: enumField() }
	}),
	questionAction('reset', { form: { confirm: 'ja' }, fields: { confirm } }),
	questionAction('delete', { form: { confirm: 'ja' }, fields: { confirm } }),
	{
		...questionAction('hide', {
			form: { answerId: '{answer}', hidden: 'ja' },
			fields: { answerId: uuid, hidden: enumField() }
		}),
		form: { questionId: '{openQuestion}', answerId: '{answer}', hidden: 'ja' }
	},
	{
		route: organisationRoute,
		action: 'invite',
		actor: 'manager',
		path: kamen,
		form: { email: 'feindlich@kamen.test', roles: ['viewer'] },
		fields: { email: { kind: 'email' }, roles: enumField() }
	},
	{
		route: organisationRoute,
		action: 'roles',
		actor: 'manager',
		path: kamen,
		form: { userId: '{viewerUser}', roles: ['editor'] },
		fields: { userId: uuid, roles: enumField() }
	},
	memberAction('deactivate'),
	memberAction('reactivate'),
	{
		route: `${organisationRoute}/oparl`,
		action: 'bodies',
		actor: 'admin',
		path: `${kamen}/oparl`,
		form: { systemUrl: 'http://127.0.0.1:9/oparl/system' },
		fields: { systemUrl: line() }
	},
	{
		route: `${organisationRoute}/oparl`,
		action: 'save',
		actor: 'admin',
		path: `${kamen}/oparl`,
		form: {
			systemUrl: 'http://127.0.0.1:9/oparl/system',
			bodyUrl: 'http://127.0.0.1:9/oparl/body/kamen'
		},
		fields: { systemUrl: line(), bodyUrl: line() }
	},
	{
		route: '/join',
		action: 'default',
		actor: 'anonymous',
		path: '/join',
		form: { code: '{code}' },
		fields: { code: { kind: 'code' } }
	},
	{
		route: '/join/[code]',
		action: 'join',
		actor: 'anonymous',
		path: '/join/{code}',
		form: {
			displayName: 'Nora Neu',
			workingGroupId: '{workingGroup}',
			affiliationOrganisationId: '{kamenOrganisation}',
			organisationType: 'verwaltung'
		},
		fields: {
			displayName: line({ optional: true }),
			workingGroupId: uuid,
			affiliationOrganisationId: { kind: 'uuid', optional: true },
			organisationType: enumField(true)
		}
	},
	{
		route: '/join/[code]',
		action: 'rejoin',
		actor: 'anonymous',
		path: '/join/{code}',
		form: { reentryCode: '{reentryCode}' },
		fields: { reentryCode: { kind: 'code' } }
	},
	{
		route: '/teilnahme/[slug]',
		action: 'profile',
		actor: 'participant',
		path: participantHome,
		form: {
			displayName: 'Tabea Teilnahme',
			workingGroupId: '{workingGroup}',
			affiliationOrganisationId: '{kamenOrganisation}',
			organisationType: 'verwaltung'
		},
		fields: {
			displayName: line({ optional: true }),
			workingGroupId: uuid,
			affiliationOrganisationId: { kind: 'uuid', optional: true },
			organisationType: enumField(true)
		}
	},
	noInput(
		'/teilnahme/[slug]',
		'newCode',
		'participant',
		participantHome,
		'Ein Knopf ohne Felder: ein neuer Wiedereinstiegscode.'
	),
	{
		route: '/teilnahme/[slug]',
		action: 'leave',
		actor: 'participant',
		path: participantHome,
		form: { confirm: 'ja' },
		fields: { confirm }
	},
	{
		route: '/teilnahme/[slug]/umfrage',
		action: 'answer',
		actor: 'participant',
		path: `${participantHome}/umfrage`,
		form: { questionId: '{openQuestion}', choice: '1' },
		fields: { questionId: uuid, choice: { kind: 'number' } },
		variant: 'Auswahl'
	},
	{
		route: '/teilnahme/[slug]/umfrage',
		action: 'answer',
		actor: 'participant',
		path: `${participantHome}/umfrage`,
		form: { questionId: '{openTextQuestion}', text: 'Mehr Grün\nund Bänke' },
		fields: { questionId: uuid, text: lines() },
		variant: 'offene Antwort'
	},
	{
		route: '/teilnahme/[slug]/umfrage',
		action: 'answer',
		actor: 'participant',
		path: `${participantHome}/umfrage`,
		form: { questionId: '{openRankingQuestion}', ranking: ['2', '0', '1'], confirmOrder: 'ja' },
		fields: {
			questionId: uuid,
			ranking: { kind: 'number' },
			confirmOrder: flag,
			// An arrow pressed without JavaScript: "<place>:up" or "<place>:down".
			move: enumField(true)
		},
		variant: 'Rangfolge'
	},
	{
		route: '/barrierefreiheit',
		action: 'default',
		actor: 'anonymous',
		path: '/barrierefreiheit',
		form: { message: 'Die Tabelle ist nicht lesbar.', page: '/beschluesse', contact: '' },
		fields: {
			message: lines(),
			page: line({ optional: true }),
			contact: line({ optional: true })
		}
	},
	{
		route: '/beschluesse/[slug]/[organisation]',
		action: 'record',
		actor: 'signatory',
		path: '/beschluesse/leitbild/kamen',
		form: {
			stage: 'vorlage-im-rat',
			versionId: '{version}',
			decidedOn: '2026-11-02',
			bodyName: 'Rat der Stadt Kamen',
			paperNumber: 'V/2026/117',
			paperUrl: '',
			note: '',
			correctsStepId: ''
		},
		fields: {
			stage: enumField(),
			versionId: uuid,
			decidedOn: { kind: 'date' },
			bodyName: line(),
			paperNumber: line(),
			paperUrl: line({ optional: true }),
			note: lines({ optional: true }),
			correctsStepId: { kind: 'number', optional: true }
		}
	},
	{
		route: '/beschluesse/[slug]/[organisation]',
		action: 'plan',
		actor: 'signatory',
		path: '/beschluesse/leitbild/kamen',
		form: { stage: 'vorlage-im-rat', plannedOn: '2026-12-10', bodyName: 'Rat' },
		fields: {
			stage: enumField(),
			plannedOn: { kind: 'date', optional: true },
			bodyName: line({ optional: true })
		}
	},
	{
		route: '/beschluesse/[slug]/[organisation]',
		action: 'link',
		actor: 'signatory',
		path: '/beschluesse/leitbild/kamen',
		form: { paper: 'DS 2027/017', versionId: '{version}' },
		fields: { paper: line(), versionId: uuid }
	},
	{
		route: '/beschluesse/[slug]/[organisation]',
		action: 'confirm',
		actor: 'signatory',
		path: '/beschluesse/leitbild/kamen',
		form: { proposalId: '1', date: '2026-11-02', bodyName: 'Rat der Stadt Kamen' },
		fields: { proposalId: { kind: 'number' }, date: { kind: 'date' }, bodyName: line() }
	},
	{
		route: '/beschluesse/[slug]/[organisation]',
		action: 'dismiss',
		actor: 'signatory',
		path: '/beschluesse/leitbild/kamen',
		form: { proposalId: '1' },
		fields: { proposalId: { kind: 'number' } }
	},
	noInput(
		'/beschluesse/[slug]/[organisation]',
		'sync',
		'signatory',
		'/beschluesse/leitbild/kamen',
		'Ein Knopf ohne Felder.'
	),
	...['publish', 'unpublish', 'showSources', 'hideSources'].map((action) => ({
		route: '/beschluesse',
		action,
		actor: 'admin' as const,
		path: '/beschluesse',
		form: { documentId: '{document}' },
		fields: { documentId: uuid }
	})),
	{
		route: '/verwaltung/personen/[id]',
		action: 'anonymise',
		actor: 'admin',
		path: '/verwaltung/personen/{viewerUser}',
		form: { confirm: 'ja' },
		fields: { confirm }
	},
	// Kamen's manager acts on the account of Kamen's viewer, who belongs to Kamen only.
	{
		route: '/verwaltung/personen/[id]',
		action: 'deactivateAccount',
		actor: 'manager',
		path: '/verwaltung/personen/{viewerUser}',
		form: { confirm: 'ja' },
		fields: { confirm }
	},
	{
		route: '/verwaltung/personen/[id]',
		action: 'profile',
		actor: 'manager',
		path: '/verwaltung/personen/{viewerUser}',
		form: { name: 'Vera Lesend', email: 'viewer@kamen.test' },
		fields: { name: line(), email: { kind: 'email' } }
	},
	noInput(
		'/verwaltung/personen/[id]',
		'resetLink',
		'manager',
		'/verwaltung/personen/{viewerUser}',
		'Ein Knopf ohne Felder: der Link gilt der Person der Adresse.'
	),
	noInput(
		'/verwaltung/personen/[id]',
		'reactivateAccount',
		'manager',
		'/verwaltung/personen/{viewerUser}',
		'Ein Knopf ohne Felder: das Konto der Person der Adresse.'
	)
];

/** GET endpoints and pages that read parameters from the URL, each with malformed requests.
 * Pages whose parameters name a thing (a board, a join code) are here too. */
export interface HostileQuery {
	route: string;
	actor: ActorName;
	/** Malformed URLs; each must answer 4xx with a German message. */
	paths: string[];
}

const long = 'x'.repeat(5000);

export const hostileQueries: HostileQuery[] = [
	{
		route: '/dokumente/[slug]/export/[format]',
		actor: 'viewer',
		paths: [
			'/dokumente/leitbild/export/odt',
			`/dokumente/leitbild/export/${long}`,
			'/dokumente/leitbild/export/md?fassung=eins',
			'/dokumente/leitbild/export/md?fassung=-1',
			'/dokumente/leitbild/export/md?fassung=1.5',
			'/dokumente/leitbild/export/md?fassung=99999999999999999999',
			`/dokumente/leitbild/export/md?fassung=${long}`,
			'/dokumente/selbstverpflichtung/export/docx?koerperschaft=gibt-es-nicht',
			`/dokumente/selbstverpflichtung/export/docx?koerperschaft=${long}`,
			'/dokumente/selbstverpflichtung/export/docx?koerperschaft=%00%E2%80%AE',
			`/dokumente/${long}/export/md`,
			'/dokumente/leitbild/export/docx?vorschlaege=2',
			'/dokumente/leitbild/export/md?vorschlaege=ja',
			'/dokumente/leitbild/export/html?vorschlaege=%00%E2%80%AE',
			`/dokumente/leitbild/export/docx?vorschlaege=${long}`,
			'/dokumente/leitbild/export/docx?fassung=999&vorschlaege=1',
			'/dokumente/leitbild/export/md?herkunft=2',
			'/dokumente/leitbild/export/pdf?herkunft=ja',
			`/dokumente/leitbild/export/html?herkunft=${long}`,
			'/dokumente/leitbild/export/docx?herkunft=%00%E2%80%AE'
		]
	},
	{
		route: `${eventRoute}/ergebnisse`,
		actor: 'viewer',
		paths: [
			`${seededEvent}/ergebnisse?mindestens=drei`,
			`${seededEvent}/ergebnisse?mindestens=-1`,
			`${seededEvent}/ergebnisse?mindestens=2.5`,
			`${seededEvent}/ergebnisse?mindestens=1000`,
			`${seededEvent}/ergebnisse?mindestens=${long}`,
			`${seededEvent}/ergebnisse?mindestens=%00%E2%80%AE`
		]
	},
	{
		route: `${eventRoute}/ergebnisse/[format]`,
		actor: 'viewer',
		paths: [
			`${seededEvent}/ergebnisse/xls`,
			`${seededEvent}/ergebnisse/${long}`,
			`${seededEvent}/ergebnisse/csv%00`,
			`/konferenzen/${long}/ergebnisse/csv`,
			`${seededEvent}/ergebnisse/xlsx%00`,
			`/konferenzen/${long}/ergebnisse/xlsx`
		]
	},
	{
		route: `${eventRoute}/umfragen/[questionId]/diagramm.svg`,
		actor: 'viewer',
		paths: [
			`${seededEvent}/umfragen/keine-frage/diagramm.svg`,
			`${seededEvent}/umfragen/${long}/diagramm.svg`,
			`${seededEvent}/umfragen/%00%E2%80%AE/diagramm.svg`
		]
	},
	{
		route: `${eventRoute}/umfragen/antworten.csv`,
		actor: 'viewer',
		paths: [`/konferenzen/${long}/umfragen/antworten.csv`]
	},
	{
		route: `${eventRoute}/umfragen/antworten.xlsx`,
		actor: 'viewer',
		paths: [`/konferenzen/${long}/umfragen/antworten.xlsx`]
	},
	{
		route: '/dokumente/[slug]/vergleich',
		actor: 'viewer',
		paths: [
			'/dokumente/leitbild/vergleich?von=eins',
			'/dokumente/leitbild/vergleich?von=1&bis=zwei',
			'/dokumente/leitbild/vergleich?von=-1',
			'/dokumente/leitbild/vergleich?von=1.5&bis=aktuell',
			'/dokumente/leitbild/vergleich?von=99999999999999999999',
			'/dokumente/leitbild/vergleich?von=999',
			`/dokumente/leitbild/vergleich?von=${long}`,
			'/dokumente/leitbild/vergleich?von=%00%E2%80%AE'
		]
	},
	{
		route: '/dokumente/[slug]/druck',
		actor: 'viewer',
		paths: [
			'/dokumente/leitbild/druck?vorschlaege=2',
			`/dokumente/leitbild/druck?vorschlaege=${long}`,
			'/dokumente/leitbild/druck?fassung=999&vorschlaege=1',
			'/dokumente/leitbild/druck?herkunft=ja'
		]
	},
	{
		route: '/dokumente/[slug]/fassungen/[nummer]',
		actor: 'viewer',
		paths: [
			'/dokumente/leitbild/fassungen/eins',
			'/dokumente/leitbild/fassungen/0',
			'/dokumente/leitbild/fassungen/99999999999999999999',
			`/dokumente/leitbild/fassungen/${long}`
		]
	},
	{
		route: `${eventRoute}/pinnwand/[board]`,
		actor: 'viewer',
		paths: [
			`${seededEvent}/pinnwand/keine-tafel`,
			`${seededEvent}/pinnwand/${long}`,
			`${seededEvent}/pinnwand/%00%E2%80%AE`
		]
	},
	{
		route: '/teilnahme/[slug]/pinnwand/[board]',
		actor: 'participant',
		paths: [
			`${participantHome}/pinnwand/keine-tafel`,
			`${participantHome}/pinnwand/${long}`,
			`${participantHome}/pinnwand/%00%E2%80%AE`
		]
	},
	{
		route: '/join/[code]',
		actor: 'anonymous',
		paths: ['/join/%00%E2%80%AE', `/join/${long}`, '/join/%3Cscript%3E']
	},
	{
		route: '/beschluesse/[slug]/[organisation]/beschluss/[schritt]',
		actor: 'viewer',
		paths: [
			'/beschluesse/leitbild/kamen/beschluss/eins',
			'/beschluesse/leitbild/kamen/beschluss/0',
			'/beschluesse/leitbild/kamen/beschluss/99999999999999999999',
			`/beschluesse/leitbild/kamen/beschluss/${long}`,
			'/beschluesse/leitbild/gibt-es-nicht/beschluss/1'
		]
	},
	{
		route: '/beschluesse/[slug]/stand.csv',
		actor: 'viewer',
		paths: [`/beschluesse/${long}/stand.csv`, '/beschluesse/%00%E2%80%AE/stand.csv']
	},
	{
		route: '/beschluesse/[slug]/stand.xlsx',
		actor: 'viewer',
		paths: [`/beschluesse/${long}/stand.xlsx`, '/beschluesse/%00%E2%80%AE/stand.xlsx']
	},
	{
		route: '/verwaltung/personen/[id]/daten.json',
		actor: 'admin',
		paths: [
			'/verwaltung/personen/kein-mensch/daten.json',
			`/verwaltung/personen/${long}/daten.json`,
			'/verwaltung/personen/00000000-0000-4000-8000-000000000000/daten.json'
		]
	}
];

/** GET endpoints that read nothing from the URL but the things the route names. */
export const parameterlessEndpoints: Record<string, string> = {
	'/healthz': 'Der Gesundheitszustand hat keine Parameter.',
	'/metrics':
		'Die Metriken haben keine Parameter; wer sie lesen darf, entscheidet die Verbindung oder das Token (metrics.spec.ts).'
};
