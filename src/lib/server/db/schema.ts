// The one database schema. Every table of the app is declared here; drizzle-kit generates the
// migrations in drizzle/ from it.
import { sql } from 'drizzle-orm';
import {
	blob,
	check,
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import { adoptionStages, type AdoptionStage } from '../../adoption';
import { cardColours } from '../../boards/types';
import { participantLocales } from '../../i18n/locales';

const timestampNow = (column = 'created_at') =>
	integer(column, { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`);

/** Named seeds that have run on this database, so each runs exactly once. */
export const seedRun = sqliteTable('seed_run', {
	name: text('name').primaryKey(),
	ranAt: timestampNow('ran_at')
});

export const organisationKinds = ['kreis', 'kommune', 'partner'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/** The Kreis, its Kommunen and the partners who co-write. */
export const organisation = sqliteTable(
	'organisation',
	{
		id: text('id').primaryKey(),
		slug: text('slug').notNull(),
		name: text('name').notNull(),
		shortName: text('short_name').notNull(),
		kind: text('kind', { enum: organisationKinds }).notNull(),
		/** Amtlicher Gemeindeschlüssel; only for the Kreis and its Kommunen. */
		ags: text('ags'),
		/** Adopting bodies are the ones whose councils adopt the texts. */
		adopting: integer('adopting', { mode: 'boolean' }).notNull().default(false),
		sortOrder: integer('sort_order').notNull().default(0),
		createdAt: timestampNow()
	},
	(table) => [
		uniqueIndex('organisation_slug_unique').on(table.slug),
		uniqueIndex('organisation_ags_unique').on(table.ags)
	]
);

export type Organisation = typeof organisation.$inferSelect;
export type NewOrganisation = typeof organisation.$inferInsert;

export const roles = ['admin', 'manager', 'editor', 'signatory', 'viewer'] as const;
export type Role = (typeof roles)[number];

/** A person with an account. E-mail addresses are stored lower-case. */
export const user = sqliteTable(
	'user',
	{
		id: text('id').primaryKey(),
		email: text('email').notNull(),
		name: text('name').notNull(),
		passwordHash: text('password_hash').notNull(),
		/** Set when an admin deactivates the whole account. */
		deactivatedAt: integer('deactivated_at', { mode: 'timestamp_ms' }),
		/** Set when an admin anonymised the person: name and e-mail replaced, for good. */
		anonymisedAt: integer('anonymised_at', { mode: 'timestamp_ms' }),
		createdAt: timestampNow()
	},
	(table) => [uniqueIndex('user_email_unique').on(table.email)]
);

export type User = typeof user.$inferSelect;

/** A person's roles in one organisation; a person may belong to several. */
export const membership = sqliteTable(
	'membership',
	{
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		roles: text('roles', { mode: 'json' }).$type<Role[]>().notNull(),
		deactivatedAt: integer('deactivated_at', { mode: 'timestamp_ms' }),
		createdAt: timestampNow()
	},
	(table) => [
		primaryKey({ columns: [table.userId, table.organisationId] }),
		index('membership_organisation_idx').on(table.organisationId)
	]
);

export type MembershipRow = typeof membership.$inferSelect;

/** Sign-in sessions as the Lucia guide describes them: the cookie holds `<id>.<secret>`, the
 * database only the SHA-256 of the secret. */
export const session = sqliteTable(
	'session',
	{
		id: text('id').primaryKey(),
		secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		createdAt: timestampNow(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull()
	},
	(table) => [index('session_user_idx').on(table.userId)]
);

export type SessionRow = typeof session.$inferSelect;

export const accountLinkPurposes = ['invitation', 'password-reset'] as const;
export type AccountLinkPurpose = (typeof accountLinkPurposes)[number];

/** Single-use, expiring links: invitations to an organisation and password resets. Only the
 * SHA-256 of the link's token is stored. */
export const accountLink = sqliteTable(
	'account_link',
	{
		id: text('id').primaryKey(),
		tokenHash: text('token_hash').notNull(),
		purpose: text('purpose', { enum: accountLinkPurposes }).notNull(),
		email: text('email').notNull(),
		/** The invited-to organisation; null for password resets. */
		organisationId: text('organisation_id').references(() => organisation.id, {
			onDelete: 'cascade'
		}),
		roles: text('roles', { mode: 'json' }).$type<Role[]>().notNull().default([]),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestampNow(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' })
	},
	(table) => [uniqueIndex('account_link_token_unique').on(table.tokenHash)]
);

export type AccountLink = typeof accountLink.$inferSelect;

/** Failures per key (a sign-in's account and address, an address's wrong join codes, …) and the
 * wait they started: the growing delays of auth/rate-limit.ts. */
export const signInThrottle = sqliteTable('sign_in_throttle', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull(),
	firstFailureAt: integer('first_failure_at', { mode: 'timestamp_ms' }).notNull(),
	lockedUntil: integer('locked_until', { mode: 'timestamp_ms' })
});

/** Addresses from which an event's join code was entered rightly in the last day. While an
 * address waits after wrong codes, only these codes are still checked for it (events/joining.ts):
 * the hall keeps joining, a script guessing codes learns nothing. */
export const trustedJoinAddress = sqliteTable(
	'trusted_join_address',
	{
		address: text('address').notNull(),
		joinCode: text('join_code').notNull(),
		lastReachedAt: integer('last_reached_at', { mode: 'timestamp_ms' }).notNull()
	},
	(table) => [primaryKey({ columns: [table.address, table.joinCode] })]
);

/** Who did what, when. Never holds passwords or tokens. Append-only. */
export const auditEntry = sqliteTable(
	'audit_entry',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: timestampNow('at'),
		event: text('event').notNull(),
		actorUserId: text('actor_user_id').references(() => user.id, { onDelete: 'set null' }),
		subjectUserId: text('subject_user_id').references(() => user.id, { onDelete: 'set null' }),
		organisationId: text('organisation_id').references(() => organisation.id, {
			onDelete: 'set null'
		}),
		/** E-mail as typed, for failed sign-ins of unknown accounts and invitations. */
		email: text('email'),
		ipAddress: text('ip_address'),
		details: text('details', { mode: 'json' }).$type<Record<string, unknown>>()
	},
	(table) => [index('audit_entry_at_idx').on(table.at)]
);

export type AuditEntry = typeof auditEntry.$inferSelect;

export const documentKinds = ['leitbild', 'selbstverpflichtung', 'sonstiges'] as const;
export type DocumentKind = (typeof documentKinds)[number];
export const documentStatuses = ['entwurf', 'in-abstimmung', 'beschlossen'] as const;
export type DocumentStatus = (typeof documentStatuses)[number];

/** A text written together: its metadata. The text itself is the Yjs state in document_update. */
export const document = sqliteTable(
	'document',
	{
		id: text('id').primaryKey(),
		slug: text('slug').notNull(),
		title: text('title').notNull(),
		kind: text('kind', { enum: documentKinds }).notNull(),
		status: text('status', { enum: documentStatuses }).notNull().default('entwurf'),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestampNow(),
		/** When the text last changed. */
		updatedAt: timestampNow('updated_at'),
		archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
		/** Members who may not edit (viewers, signatories) may still comment; editors decide. */
		viewersMayComment: integer('viewers_may_comment', { mode: 'boolean' }).notNull().default(true),
		/** Members who may not edit may propose changes (suggestion mode); editors decide. */
		viewersMayPropose: integer('viewers_may_propose', { mode: 'boolean' }).notNull().default(true),
		/** Signatories mark content passages; headings only where the editors chose so. */
		consensusCountsHeadings: integer('consensus_counts_headings', { mode: 'boolean' })
			.notNull()
			.default(false)
	},
	(table) => [uniqueIndex('document_slug_unique').on(table.slug)]
);

export type DocumentRow = typeof document.$inferSelect;

/** Every Yjs update the server received, appended before it is relayed; compaction folds a
 * document's rows into one. */
export const documentUpdate = sqliteTable(
	'document_update',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		documentId: text('document_id')
			.notNull()
			.references(() => document.id, { onDelete: 'cascade' }),
		update: blob('update', { mode: 'buffer' }).notNull(),
		createdAt: timestampNow()
	},
	(table) => [index('document_update_document_idx').on(table.documentId, table.id)]
);

/** What can be anchored to a passage of a document. Change proposals will join comments here. */
export const annotationKinds = ['comment', 'proposal'] as const;
export type AnnotationKind = (typeof annotationKinds)[number];
/** Comments are open or resolved; change proposals open, accepted or rejected. */
export const annotationStates = ['open', 'resolved', 'accepted', 'rejected'] as const;
export type AnnotationState = (typeof annotationStates)[number];

/**
 * A thread anchored to words of a document: a pair of Yjs relative positions (base64 of
 * Y.encodeRelativePosition), so it follows its words through every edit, and the words as they
 * were when it began. Kept beside the text, never inside the shared Yjs document.
 */
export const annotation = sqliteTable(
	'annotation',
	{
		id: text('id').primaryKey(),
		documentId: text('document_id')
			.notNull()
			.references(() => document.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: annotationKinds }).notNull().default('comment'),
		anchorStart: text('anchor_start').notNull(),
		anchorEnd: text('anchor_end').notNull(),
		quote: text('quote').notNull(),
		state: text('state', { enum: annotationStates }).notNull().default('open'),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestampNow(),
		/** Who resolved a comment, or accepted or rejected a proposal, and when. */
		resolvedBy: text('resolved_by').references(() => user.id, { onDelete: 'set null' }),
		resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
		// Change proposals only. The range between the anchors (the `quote`, exactly) is to be
		// replaced by `proposedText`: empty for a deletion, and an empty range for an insertion.
		proposedText: text('proposed_text'),
		/** The organisation the proposal speaks for, checked against the author's memberships. */
		organisationId: text('organisation_id').references(() => organisation.id, {
			onDelete: 'set null'
		}),
		reason: text('reason'),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
		/** After acceptance: where the inserted text now stands, and the Yjs delta of the text it
		 * replaced (with its formatting), so the acceptance can be undone. */
		appliedStart: text('applied_start'),
		appliedEnd: text('applied_end'),
		replacedDelta: text('replaced_delta')
	},
	(table) => [index('annotation_document_idx').on(table.documentId, table.createdAt)]
);

export type AnnotationRow = typeof annotation.$inferSelect;

/** The messages of a thread, the opening comment first. */
export const annotationReply = sqliteTable(
	'annotation_reply',
	{
		id: text('id').primaryKey(),
		annotationId: text('annotation_id')
			.notNull()
			.references(() => annotation.id, { onDelete: 'cascade' }),
		authorId: text('author_id').references(() => user.id, { onDelete: 'set null' }),
		body: text('body').notNull(),
		createdAt: timestampNow()
	},
	(table) => [index('annotation_reply_annotation_idx').on(table.annotationId, table.createdAt)]
);

export type AnnotationReplyRow = typeof annotationReply.$inferSelect;

/** A named, frozen state of a document's text. Written once and never changed: a trigger in the
 * migration refuses updates of everything but the creator reference (which the database sets
 * to null when an account is deleted). */
export const documentVersion = sqliteTable(
	'document_version',
	{
		id: text('id').primaryKey(),
		documentId: text('document_id')
			.notNull()
			.references(() => document.id, { onDelete: 'cascade' }),
		/** 1, 2, 3… within the document, in the order of freezing. */
		number: integer('number').notNull(),
		name: text('name').notNull(),
		/** The name folded for the uniqueness check: lower case, single spaces. */
		nameKey: text('name_key').notNull(),
		yjsState: blob('yjs_state', { mode: 'buffer' }).notNull(),
		/** ProseMirror JSON of the text. */
		content: text('content').notNull(),
		html: text('html').notNull(),
		plainText: text('plain_text').notNull(),
		/** SHA-256 (hex) of the ProseMirror JSON with sorted keys. */
		contentHash: text('content_hash').notNull(),
		/** JSON: the change proposals open at freezing (null for versions frozen before proposals). */
		proposalsSnapshot: text('proposals_snapshot'),
		/** JSON: each passage's consensus marks at freezing (null for earlier versions). */
		consensusSnapshot: text('consensus_snapshot'),
		/** JSON: each passage's conference sources with their details at freezing, without names
		 * (null for earlier versions). */
		sourcesSnapshot: text('sources_snapshot'),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestampNow()
	},
	(table) => [
		uniqueIndex('document_version_number_unique').on(table.documentId, table.number),
		uniqueIndex('document_version_name_unique').on(table.documentId, table.nameKey)
	]
);

export type DocumentVersionRow = typeof documentVersion.$inferSelect;

export const documentActivityKinds = [
	'edit',
	'freeze',
	'restore',
	'status',
	'comment',
	'proposal',
	'consensus'
] as const;
export type DocumentActivityKind = (typeof documentActivityKinds)[number];

/** What happened to a document, coarse: an editing session per person (from its first to its
 * last change, with the number of changes), a version frozen or restored, the status changed. */
export const documentActivity = sqliteTable(
	'document_activity',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		documentId: text('document_id')
			.notNull()
			.references(() => document.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: documentActivityKinds }).notNull(),
		userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
		startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
		/** For editing sessions: the last change; otherwise the same as startedAt. */
		endedAt: integer('ended_at', { mode: 'timestamp_ms' }).notNull(),
		/** Changes in an editing session. */
		changes: integer('changes').notNull().default(0),
		versionId: text('version_id').references(() => documentVersion.id, { onDelete: 'set null' }),
		/** For status changes: the new status; for comments: new, reply, resolved or open. */
		detail: text('detail'),
		/** For consensus: the body the signatory spoke for. */
		organisationId: text('organisation_id').references(() => organisation.id, {
			onDelete: 'set null'
		})
	},
	(table) => [index('document_activity_document_idx').on(table.documentId, table.endedAt)]
);

export type DocumentActivityRow = typeof documentActivity.$inferSelect;

export const consensusStates = ['agree', 'concern', 'withdrawn'] as const;
export type ConsensusState = (typeof consensusStates)[number];

/**
 * An adopting body's stance on one passage (a block by its stable id), written by one of its
 * signatories. Appended, never changed: the newest row per document, block and body counts, the
 * rows before it are the history. `textHash` (SHA-256 of the block's text when marked) tells
 * whether the passage changed since, which makes the mark outdated.
 */
export const passageConsensus = sqliteTable(
	'passage_consensus',
	{
		id: text('id').primaryKey(),
		documentId: text('document_id')
			.notNull()
			.references(() => document.id, { onDelete: 'cascade' }),
		blockId: text('block_id').notNull(),
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		state: text('state', { enum: consensusStates }).notNull(),
		note: text('note'),
		textHash: text('text_hash').notNull(),
		userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestampNow()
	},
	(table) => [
		index('passage_consensus_document_idx').on(
			table.documentId,
			table.blockId,
			table.organisationId,
			table.createdAt
		)
	]
);

export type PassageConsensusRow = typeof passageConsensus.$inferSelect;

/** When a member was last seen, so the start page can say what changed since their last visit. */
export const memberVisit = sqliteTable('member_visit', {
	userId: text('user_id')
		.primaryKey()
		.references(() => user.id, { onDelete: 'cascade' }),
	lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
	/** The end of the previous visit: changes after it are new to the person. */
	previousVisitEndedAt: integer('previous_visit_ended_at', { mode: 'timestamp_ms' })
});

/** A conference day: the Zukunftskonferenz and the Entwicklungskonferenzen after it. */
export const event = sqliteTable(
	'event',
	{
		id: text('id').primaryKey(),
		slug: text('slug').notNull(),
		title: text('title').notNull(),
		/** The day, as YYYY-MM-DD. */
		date: text('date').notNull(),
		place: text('place').notNull().default(''),
		description: text('description').notNull().default(''),
		agenda: text('agenda', { mode: 'json' }).$type<string[]>().notNull().default([]),
		/** Six characters from the join-code alphabet; rotating it makes the old one invalid. */
		joinCode: text('join_code').notNull(),
		joiningOpen: integer('joining_open', { mode: 'boolean' }).notNull().default(true),
		/** Whether participants are asked for their Kommune and kind of organisation. */
		asksAffiliation: integer('asks_affiliation', { mode: 'boolean' }).notNull().default(false),
		/** Participants with a working group write and vote only on their group's board. */
		ownGroupBoardsOnly: integer('own_group_boards_only', { mode: 'boolean' })
			.notNull()
			.default(true),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestampNow(),
		archivedAt: integer('archived_at', { mode: 'timestamp_ms' })
	},
	(table) => [
		uniqueIndex('event_slug_unique').on(table.slug),
		uniqueIndex('event_join_code_unique').on(table.joinCode)
	]
);

export type EventRow = typeof event.$inferSelect;

export const workingGroup = sqliteTable(
	'working_group',
	{
		id: text('id').primaryKey(),
		eventId: text('event_id')
			.notNull()
			.references(() => event.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		/** The guiding question the group works on. */
		question: text('question').notNull().default(''),
		sortOrder: integer('sort_order').notNull().default(0)
	},
	(table) => [index('working_group_event_idx').on(table.eventId, table.sortOrder)]
);

export type WorkingGroupRow = typeof workingGroup.$inferSelect;

export const organisationTypes = [
	'verwaltung',
	'politik',
	'traeger',
	'wohlfahrtsverband',
	'jobcenter',
	'sonstige'
] as const;
export type OrganisationType = (typeof organisationTypes)[number];

/** Someone taking part in an event from their phone, without an account. The cookie holds a
 * random token; only its SHA-256 is stored, and so is the hash of the personal re-entry code. */
export const participant = sqliteTable(
	'participant',
	{
		id: text('id').primaryKey(),
		eventId: text('event_id')
			.notNull()
			.references(() => event.id, { onDelete: 'cascade' }),
		tokenHash: text('token_hash').notNull(),
		reentryHash: text('reentry_hash').notNull(),
		/** Empty for people who stay anonymous. */
		displayName: text('display_name'),
		workingGroupId: text('working_group_id').references(() => workingGroup.id, {
			onDelete: 'set null'
		}),
		/** The Kommune or the Kreis a participant says they come from, where the event asks. */
		affiliationOrganisationId: text('affiliation_organisation_id').references(
			() => organisation.id,
			{ onDelete: 'set null' }
		),
		organisationType: text('organisation_type', { enum: organisationTypes }),
		/** The language the participant chose for this event's pages; null: the device's choice or
		 * the browser's. */
		locale: text('locale', { enum: participantLocales }),
		joinedAt: timestampNow('joined_at')
	},
	(table) => [
		uniqueIndex('participant_token_unique').on(table.tokenHash),
		uniqueIndex('participant_reentry_unique').on(table.eventId, table.reentryHash),
		index('participant_event_idx').on(table.eventId)
	]
);

export type ParticipantRow = typeof participant.$inferSelect;

/** A working group's board of cards. Its state changes only through commands the server checks. */
export const board = sqliteTable(
	'board',
	{
		id: text('id').primaryKey(),
		eventId: text('event_id')
			.notNull()
			.references(() => event.id, { onDelete: 'cascade' }),
		workingGroupId: text('working_group_id')
			.notNull()
			.references(() => workingGroup.id, { onDelete: 'cascade' }),
		/** Read-only for participants while set. */
		locked: integer('locked', { mode: 'boolean' }).notNull().default(false),
		/** Dots per participant in the running voting round; 0 when no round runs. */
		dotsPerVoter: integer('dots_per_voter').notNull().default(0),
		/** Counts are shown to participants only once revealed. */
		votesRevealed: integer('votes_revealed', { mode: 'boolean' }).notNull().default(true),
		/** When the moderator's countdown ends. */
		timerEndsAt: integer('timer_ends_at', { mode: 'timestamp_ms' }),
		createdAt: timestampNow()
	},
	(table) => [uniqueIndex('board_working_group_unique').on(table.workingGroupId)]
);

export type BoardRow = typeof board.$inferSelect;

export const boardColumn = sqliteTable(
	'board_column',
	{
		id: text('id').primaryKey(),
		boardId: text('board_id')
			.notNull()
			.references(() => board.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		sortOrder: integer('sort_order').notNull()
	},
	(table) => [index('board_column_board_idx').on(table.boardId, table.sortOrder)]
);

export type BoardColumnRow = typeof boardColumn.$inferSelect;

export const card = sqliteTable(
	'card',
	{
		id: text('id').primaryKey(),
		boardId: text('board_id')
			.notNull()
			.references(() => board.id, { onDelete: 'cascade' }),
		columnId: text('column_id')
			.notNull()
			.references(() => boardColumn.id, { onDelete: 'cascade' }),
		text: text('text').notNull(),
		colour: text('colour', { enum: cardColours }).notNull().default('gelb'),
		/** The participant who wrote it; null once their identity is deleted. */
		participantId: text('participant_id').references(() => participant.id, {
			onDelete: 'set null'
		}),
		/** The member who wrote it, when a member did. */
		userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
		/** The name shown with the card, as given when it was written; null for "anonym". */
		authorName: text('author_name'),
		sortOrder: integer('sort_order').notNull(),
		/** The card this one lies on, in a stack; null for a card on its own or at the top of a
		 * stack. Stacks are one level deep; a stacked card keeps its text, author and dots. No
		 * foreign key: commands.ts lifts the stack before it deletes the card under it. */
		stackedOnId: text('stacked_on_id'),
		createdAt: timestampNow(),
		updatedAt: timestampNow('updated_at')
	},
	(table) => [index('card_board_idx').on(table.boardId, table.columnId, table.sortOrder)]
);

export type CardRow = typeof card.$inferSelect;

/** One dot on a card. A voter may put several of their dots on the same card. */
export const vote = sqliteTable(
	'vote',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		boardId: text('board_id')
			.notNull()
			.references(() => board.id, { onDelete: 'cascade' }),
		cardId: text('card_id')
			.notNull()
			.references(() => card.id, { onDelete: 'cascade' }),
		/** Who voted: a participant id or a member's user id. Kept as a plain key, so the dot stays
		 * (anonymous) when the participant identity is deleted. */
		voterKey: text('voter_key').notNull(),
		/** The voter's stated affiliation at the time, so the breakdown outlives their identity. */
		affiliationOrganisationId: text('affiliation_organisation_id').references(
			() => organisation.id,
			{ onDelete: 'set null' }
		),
		organisationType: text('organisation_type', { enum: organisationTypes }),
		createdAt: timestampNow()
	},
	(table) => [index('vote_board_voter_idx').on(table.boardId, table.voterKey)]
);

export const eventActivityKinds = [
	'card-deleted',
	'cards-stacked',
	'card-unstacked',
	'votes-reset',
	'column-deleted',
	'undone'
] as const;
export type EventActivityKind = (typeof eventActivityKinds)[number];

/** What the moderation did at an event, for its moderators: who, what, when. Entries whose
 * `undo` holds what was taken away can be undone once; `undoneAt` says when that happened. */
export const eventActivity = sqliteTable(
	'event_activity',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		eventId: text('event_id')
			.notNull()
			.references(() => event.id, { onDelete: 'cascade' }),
		boardId: text('board_id').references(() => board.id, { onDelete: 'set null' }),
		/** Names are looked up from the account when shown, so an anonymised person stays so. */
		actorUserId: text('actor_user_id').references(() => user.id, { onDelete: 'set null' }),
		kind: text('kind', { enum: eventActivityKinds }).notNull(),
		/** What the sentence in the log names: card texts, a column title, a number of dots. */
		detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
		/** What an undo puts back; null where there is nothing to undo. */
		undo: text('undo', { mode: 'json' }).$type<Record<string, unknown>>(),
		undoneAt: integer('undone_at', { mode: 'timestamp_ms' }),
		at: timestampNow('at')
	},
	(table) => [index('event_activity_event_idx').on(table.eventId, table.id)]
);

export type EventActivityRow = typeof eventActivity.$inferSelect;

export const pollQuestionTypes = ['single', 'multiple', 'ranking', 'scale', 'text'] as const;
export type PollQuestionType = (typeof pollQuestionTypes)[number];
export const pollQuestionStatuses = ['draft', 'open', 'closed'] as const;
export type PollQuestionStatus = (typeof pollQuestionStatuses)[number];

/** A question of an event's live poll, in the event's order. Options are stored with the question;
 * answers refer to them by position, so options are fixed once the question has been opened. */
export const pollQuestion = sqliteTable(
	'poll_question',
	{
		id: text('id').primaryKey(),
		eventId: text('event_id')
			.notNull()
			.references(() => event.id, { onDelete: 'cascade' }),
		sortOrder: integer('sort_order').notNull().default(0),
		type: text('type', { enum: pollQuestionTypes }).notNull(),
		prompt: text('prompt').notNull(),
		/** The choices of single, multiple and ranking questions; empty otherwise. */
		options: text('options', { mode: 'json' }).$type<string[]>().notNull().default([]),
		/** For multiple choice: how many options one may pick at most; null for no limit. */
		maxChoices: integer('max_choices'),
		scaleMin: integer('scale_min'),
		scaleMax: integer('scale_max'),
		scaleMinLabel: text('scale_min_label'),
		scaleMaxLabel: text('scale_max_label'),
		/** Whether a participant may change their answer while the question is open. */
		allowChange: integer('allow_change', { mode: 'boolean' }).notNull().default(true),
		status: text('status', { enum: pollQuestionStatuses }).notNull().default('draft'),
		/** Whether the results are shown: on the phones, and on the projector at the same moment. */
		resultsVisible: integer('results_visible', { mode: 'boolean' }).notNull().default(false),
		/** Whether the projector shows the counts as they come in; otherwise it shows only how many
		 * answered until the results are shown, so late voters do not follow the majority. */
		projectionLive: integer('projection_live', { mode: 'boolean' }).notNull().default(false),
		/** When the moderator last put the question on the projector; the latest one is shown. */
		projectedAt: integer('projected_at', { mode: 'timestamp_ms' }),
		createdAt: timestampNow()
	},
	(table) => [index('poll_question_event_idx').on(table.eventId, table.sortOrder)]
);

export type PollQuestionRow = typeof pollQuestion.$inferSelect;

/** One participant's answer to one question. The participant's affiliation is copied in when
 * they answer, so the breakdown survives the deletion of participant identities. */
export const pollAnswer = sqliteTable(
	'poll_answer',
	{
		id: text('id').primaryKey(),
		questionId: text('question_id')
			.notNull()
			.references(() => pollQuestion.id, { onDelete: 'cascade' }),
		/** Null once the participant's identity is deleted; the answer stays, anonymous. */
		participantId: text('participant_id').references(() => participant.id, {
			onDelete: 'set null'
		}),
		/** Option positions: one for single choice, several for multiple, all in order for ranking. */
		choices: text('choices', { mode: 'json' }).$type<number[]>(),
		scaleValue: integer('scale_value'),
		text: text('text'),
		affiliationOrganisationId: text('affiliation_organisation_id').references(
			() => organisation.id,
			{ onDelete: 'set null' }
		),
		organisationType: text('organisation_type', { enum: organisationTypes }),
		/** Set when a moderator hides an open-text answer from the word cloud and the lists. */
		hiddenAt: integer('hidden_at', { mode: 'timestamp_ms' }),
		createdAt: timestampNow(),
		updatedAt: timestampNow('updated_at')
	},
	(table) => [
		uniqueIndex('poll_answer_participant_unique').on(table.questionId, table.participantId),
		index('poll_answer_question_idx').on(table.questionId)
	]
);

export type PollAnswerRow = typeof pollAnswer.$inferSelect;

/** Facts about the database itself, one row per key; e.g. its epoch, which a restore changes. */
export const databaseMeta = sqliteTable('database_meta', {
	key: text('key').primaryKey(),
	value: text('value').notNull()
});

/** Reports of barriers, sent through the form of the Barrierefreiheitserklärung; anyone may
 * send one, admins read them. */
export const accessibilityFeedback = sqliteTable(
	'accessibility_feedback',
	{
		id: text('id').primaryKey(),
		message: text('message').notNull(),
		/** The page the barrier is on, as the sender names it. */
		page: text('page'),
		/** Only when the sender wants an answer. */
		contact: text('contact'),
		createdAt: timestampNow()
	},
	(table) => [index('accessibility_feedback_created_idx').on(table.createdAt)]
);

export type AccessibilityFeedback = typeof accessibilityFeedback.$inferSelect;

export { adoptionStages, type AdoptionStage };

/** One recorded step of an adopting body on a document. The records are the history: written
 * once, never changed or deleted (triggers in the migration refuse it); a correction is a new
 * record, and the latest record is where the body stands. */
export const adoptionStep = sqliteTable(
	'adoption_step',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		documentId: text('document_id')
			.notNull()
			.references(() => document.id, { onDelete: 'cascade' }),
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		stage: text('stage', { enum: adoptionStages }).notNull(),
		/** The frozen version the step concerns. */
		versionId: text('version_id')
			.notNull()
			.references(() => documentVersion.id, { onDelete: 'cascade' }),
		/** The day of the step, YYYY-MM-DD (Europe/Berlin). */
		decidedOn: text('decided_on').notNull(),
		/** Rat, Kreistag, or a committee by name. */
		bodyName: text('body_name').notNull(),
		/** Drucksache or Vorlage number; required once the council is involved. */
		paperNumber: text('paper_number'),
		/** The paper in the council information system, e.g. an OParl Paper URL. */
		paperUrl: text('paper_url'),
		note: text('note').notNull().default(''),
		/** The stored resolution PDF's file name under DATA_DIR, and the name it was uploaded as. */
		resolutionFile: text('resolution_file'),
		resolutionFileName: text('resolution_file_name'),
		/** The record this one corrects, when it is a correction. */
		correctsStepId: integer('corrects_step_id'),
		recordedBy: text('recorded_by').references(() => user.id, { onDelete: 'set null' }),
		recordedAt: timestampNow('recorded_at')
	},
	(table) => [index('adoption_step_body_idx').on(table.documentId, table.organisationId, table.id)]
);

export type AdoptionStepRow = typeof adoptionStep.$inferSelect;

/** A planned date for a coming step (a committee or council meeting). Also append-only: the
 * latest plan for a stage counts. */
export const adoptionPlan = sqliteTable(
	'adoption_plan',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		documentId: text('document_id')
			.notNull()
			.references(() => document.id, { onDelete: 'cascade' }),
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		stage: text('stage', { enum: adoptionStages }).notNull(),
		/** YYYY-MM-DD; null withdraws an earlier plan for the stage. */
		plannedOn: text('planned_on'),
		bodyName: text('body_name').notNull().default(''),
		recordedBy: text('recorded_by').references(() => user.id, { onDelete: 'set null' }),
		recordedAt: timestampNow('recorded_at')
	},
	(table) => [index('adoption_plan_body_idx').on(table.documentId, table.organisationId, table.id)]
);

export type AdoptionPlanRow = typeof adoptionPlan.$inferSelect;

/** Documents whose adoption status an admin has published on the public transparency page. */
export const adoptionPublication = sqliteTable('adoption_publication', {
	documentId: text('document_id')
		.primaryKey()
		.references(() => document.id, { onDelete: 'cascade' }),
	publishedBy: text('published_by').references(() => user.id, { onDelete: 'set null' }),
	publishedAt: timestampNow('published_at'),
	/** The public page also lists the passages' conference sources (an admin's choice). */
	showsSources: integer('shows_sources', { mode: 'boolean' }).notNull().default(false)
});

export const passageSourceKinds = ['card', 'poll-option', 'poll-answer'] as const;
export type PassageSourceKind = (typeof passageSourceKinds)[number];

/**
 * A passage of a document (a block by its stable id, as consensus marks name it) linked to what
 * the conference said: a card, an option of a poll question, or one answer. Unlinking sets
 * `removedAt` instead of deleting, so an undo restores the same record and the history stays;
 * the active links are the rows without it.
 */
export const passageSource = sqliteTable(
	'passage_source',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		documentId: text('document_id')
			.notNull()
			.references(() => document.id, { onDelete: 'cascade' }),
		blockId: text('block_id').notNull(),
		kind: text('kind', { enum: passageSourceKinds }).notNull(),
		cardId: text('card_id').references(() => card.id, { onDelete: 'cascade' }),
		questionId: text('question_id').references(() => pollQuestion.id, { onDelete: 'cascade' }),
		/** The option's position in `poll_question.options`. */
		optionIndex: integer('option_index'),
		answerId: text('answer_id').references(() => pollAnswer.id, { onDelete: 'cascade' }),
		/** The target as one value, for the unique index: SQLite counts NULLs there as all
		 * different. */
		target: text('target').generatedAlwaysAs(
			sql`coalesce(card_id, answer_id, question_id || ':' || option_index)`,
			{ mode: 'virtual' }
		),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestampNow(),
		removedAt: integer('removed_at', { mode: 'timestamp_ms' }),
		removedBy: text('removed_by').references(() => user.id, { onDelete: 'set null' })
	},
	(table) => [
		check(
			'passage_source_target_of_kind',
			sql`(${table.kind} = 'card' and ${table.cardId} is not null and ${table.questionId} is null and ${table.optionIndex} is null and ${table.answerId} is null)
			or (${table.kind} = 'poll-option' and ${table.cardId} is null and ${table.questionId} is not null and ${table.optionIndex} is not null and ${table.answerId} is null)
			or (${table.kind} = 'poll-answer' and ${table.cardId} is null and ${table.questionId} is null and ${table.optionIndex} is null and ${table.answerId} is not null)`
		),
		uniqueIndex('passage_source_active_unique')
			.on(table.documentId, table.blockId, table.kind, table.target)
			.where(sql`${table.removedAt} is null`),
		index('passage_source_card_idx').on(table.cardId),
		index('passage_source_question_idx').on(table.questionId),
		index('passage_source_answer_idx').on(table.answerId)
	]
);

export type PassageSourceRow = typeof passageSource.$inferSelect;

/** The events whose results an editor chose to have beside a document's text. */
export const documentSourceEvent = sqliteTable(
	'document_source_event',
	{
		documentId: text('document_id')
			.notNull()
			.references(() => document.id, { onDelete: 'cascade' }),
		eventId: text('event_id')
			.notNull()
			.references(() => event.id, { onDelete: 'cascade' }),
		addedBy: text('added_by').references(() => user.id, { onDelete: 'set null' }),
		addedAt: timestampNow('added_at')
	},
	(table) => [
		primaryKey({ columns: [table.documentId, table.eventId] }),
		index('document_source_event_event_idx').on(table.eventId)
	]
);

export const mailStates = ['queued', 'sending', 'sent', 'failed'] as const;
export type MailState = (typeof mailStates)[number];

/** Every e-mail the app sends, written in the same transaction as the event that causes it, and
 * delivered from here by mail/sender.ts. A row in `sending` holds a lease until next_attempt_at;
 * after a crash the lease runs out and the row is sent again. */
export const mailOutbox = sqliteTable(
	'mail_outbox',
	{
		id: text('id').primaryKey(),
		/** One of mail/kinds.ts. */
		kind: text('kind').notNull(),
		userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
		recipient: text('recipient').notNull(),
		subject: text('subject').notNull(),
		textBody: text('text_body').notNull(),
		htmlBody: text('html_body').notNull(),
		/** A second mail with the same key is not queued: a reminder or digest goes out once. */
		dedupeKey: text('dedupe_key'),
		state: text('state', { enum: mailStates }).notNull().default('queued'),
		attempts: integer('attempts').notNull().default(0),
		nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
		lastError: text('last_error'),
		createdAt: timestampNow(),
		sentAt: integer('sent_at', { mode: 'timestamp_ms' })
	},
	(table) => [
		uniqueIndex('mail_outbox_dedupe_unique').on(table.dedupeKey),
		index('mail_outbox_due_idx').on(table.state, table.nextAttemptAt),
		index('mail_outbox_created_idx').on(table.createdAt)
	]
);

export type MailOutboxRow = typeof mailOutbox.$inferSelect;

/** A person's choice for one optional kind of mail; without a row the kind's default holds. */
export const mailPreference = sqliteTable(
	'mail_preference',
	{
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		kind: text('kind').notNull(),
		enabled: integer('enabled', { mode: 'boolean' }).notNull()
	},
	(table) => [primaryKey({ columns: [table.userId, table.kind] })]
);

/** An organisation's council information system (OParl): where it is, which body is the
 * organisation, and how the last sync went. */
export const oparlConnection = sqliteTable('oparl_connection', {
	organisationId: text('organisation_id')
		.primaryKey()
		.references(() => organisation.id, { onDelete: 'cascade' }),
	systemUrl: text('system_url').notNull(),
	bodyUrl: text('body_url').notNull(),
	bodyName: text('body_name').notNull(),
	/** When the last successful sync started: the next one asks for what changed since. */
	lastSyncAt: integer('last_sync_at', { mode: 'timestamp_ms' }),
	/** When a sync last read every linked paper's path, whatever the lists said changed. */
	lastFullSyncAt: integer('last_full_sync_at', { mode: 'timestamp_ms' }),
	/** The last sync's failure in German, null once a sync succeeded. */
	lastError: text('last_error'),
	lastErrorAt: integer('last_error_at', { mode: 'timestamp_ms' }),
	configuredBy: text('configured_by').references(() => user.id, { onDelete: 'set null' }),
	configuredAt: timestampNow('configured_at')
});

export type OparlConnectionRow = typeof oparlConnection.$inferSelect;

/** A council paper (Drucksache) linked to the document version it proposes to adopt. */
export const oparlPaper = sqliteTable(
	'oparl_paper',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		documentId: text('document_id')
			.notNull()
			.references(() => document.id, { onDelete: 'cascade' }),
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		versionId: text('version_id')
			.notNull()
			.references(() => documentVersion.id, { onDelete: 'cascade' }),
		/** The paper's OParl address (its `id`). */
		paperUrl: text('paper_url').notNull(),
		reference: text('reference').notNull(),
		name: text('name').notNull(),
		webUrl: text('web_url'),
		/** The OParl addresses the paper's path went through when last read (consultations,
		 * meetings, agenda items): a modified one among them makes the sync read the path again. */
		pathUrls: text('path_urls', { mode: 'json' }).$type<string[]>().notNull().default([]),
		linkedBy: text('linked_by').references(() => user.id, { onDelete: 'set null' }),
		linkedAt: timestampNow('linked_at')
	},
	(table) => [
		uniqueIndex('oparl_paper_unique').on(table.documentId, table.organisationId, table.paperUrl)
	]
);

export type OparlPaperRow = typeof oparlPaper.$inferSelect;

export const oparlProposalKinds = ['step', 'plan'] as const;
export const oparlProposalStates = ['open', 'confirmed', 'dismissed'] as const;
export type OparlProposalState = (typeof oparlProposalStates)[number];

/** A step (or planned date) the sync derived from a linked paper; a person confirms or dismisses
 * it. `key` keeps a later sync from proposing the same thing twice. */
export const oparlProposal = sqliteTable(
	'oparl_proposal',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		paperId: integer('paper_id')
			.notNull()
			.references(() => oparlPaper.id, { onDelete: 'cascade' }),
		key: text('key').notNull(),
		kind: text('kind', { enum: oparlProposalKinds }).notNull(),
		stage: text('stage', { enum: adoptionStages }).notNull(),
		/** YYYY-MM-DD (Europe/Berlin): the meeting's day. */
		date: text('date').notNull(),
		bodyName: text('body_name').notNull(),
		/** The OParl object the proposal rests on (agenda item or meeting). */
		sourceUrl: text('source_url').notNull(),
		result: text('result'),
		resolutionUrl: text('resolution_url'),
		note: text('note').notNull().default(''),
		state: text('state', { enum: oparlProposalStates }).notNull().default('open'),
		/** The adoption step a confirmed proposal became. */
		stepId: integer('step_id').references(() => adoptionStep.id, { onDelete: 'set null' }),
		decidedBy: text('decided_by').references(() => user.id, { onDelete: 'set null' }),
		decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
		createdAt: timestampNow()
	},
	(table) => [uniqueIndex('oparl_proposal_key_unique').on(table.paperId, table.key)]
);

export type OparlProposalRow = typeof oparlProposal.$inferSelect;

/** What a sync found new, one line each ("Rat Kamen: Sitzung am 12.03.2027 terminiert"). */
export const oparlNews = sqliteTable(
	'oparl_news',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		paperId: integer('paper_id')
			.notNull()
			.references(() => oparlPaper.id, { onDelete: 'cascade' }),
		key: text('key').notNull(),
		text: text('text').notNull(),
		createdAt: timestampNow()
	},
	(table) => [uniqueIndex('oparl_news_key_unique').on(table.paperId, table.key)]
);
