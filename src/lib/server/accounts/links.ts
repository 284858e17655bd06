// Single-use, expiring links: an invitation into an organisation with roles, or a password reset.
// The link is shown to the person who made it, to pass on; when mail is on, it is also mailed,
// queued in the same transaction as the link.
import { and, eq, isNull } from 'drizzle-orm';
import { hashPassword, passwordProblem } from '../auth/password';
import { invalidateUserSessions } from '../auth/session';
import { generateToken, hashTokenHex } from '../auth/tokens';
import { announce } from '../db/changes';
import { transaction, type AppDatabase } from '../db/database';
import {
	accountLink,
	membership,
	organisation,
	user,
	type AccountLink,
	type AccountLinkPurpose,
	type Role
} from '../db/schema';
import { absoluteUrl } from '../mail/compose';
import { queueMail } from '../mail/outbox';
import { recordAudit } from './audit';
import { invitationMail, passwordResetMail } from './link-mails';
import { findUser, findUserByEmail, normalizeEmail, type Result } from './members';

const hourMs = 60 * 60 * 1000;
export const invitationLifetimeMs = 7 * 24 * hourMs;
export const passwordResetLifetimeMs = 24 * hourMs;

export const linkPaths: Record<AccountLinkPurpose, string> = {
	invitation: '/einladung',
	'password-reset': '/passwort-zuruecksetzen'
};

export interface CreatedLink {
	token: string;
	path: string;
	expiresAt: Date;
	/** Whether the link was queued as an e-mail to its person (only when mail is on). */
	mailed: boolean;
}

/** How a link's path becomes the URL people open; the route passes the one it shows. */
export type LinkUrl = (path: string) => string;

function insertLink(
	db: AppDatabase,
	values: Omit<typeof accountLink.$inferInsert, 'id' | 'tokenHash' | 'createdAt' | 'expiresAt'>,
	lifetimeMs: number,
	now: Date
): Omit<CreatedLink, 'mailed'> {
	const token = generateToken();
	const expiresAt = new Date(now.getTime() + lifetimeMs);
	db.insert(accountLink)
		.values({
			...values,
			id: crypto.randomUUID(),
			tokenHash: hashTokenHex(token),
			createdAt: now,
			expiresAt
		})
		.run();
	return { token, path: `${linkPaths[values.purpose]}/${token}`, expiresAt };
}

export function createInvitation(
	db: AppDatabase,
	input: {
		email: string;
		organisationId: string;
		roles: Role[];
		createdBy: string;
		linkUrl?: LinkUrl;
	},
	now = new Date()
): CreatedLink {
	const email = normalizeEmail(input.email);
	const linkUrl = input.linkUrl ?? absoluteUrl;
	return transaction(db, (tx) => {
		const link = insertLink(
			tx,
			{
				purpose: 'invitation',
				email,
				organisationId: input.organisationId,
				roles: input.roles,
				createdBy: input.createdBy
			},
			invitationLifetimeMs,
			now
		);
		recordAudit(tx, {
			event: 'invitation-created',
			actorUserId: input.createdBy,
			organisationId: input.organisationId,
			email,
			details: { roles: input.roles }
		});
		const invitedTo = tx
			.select({ name: organisation.name })
			.from(organisation)
			.where(eq(organisation.id, input.organisationId))
			.get();
		const mailed = queueMail(
			tx,
			{
				kind: 'invitation',
				userId: findUserByEmail(tx, email)?.id ?? null,
				to: email,
				...invitationMail({
					organisationName: invitedTo?.name ?? '',
					inviterName: findUser(tx, input.createdBy)?.name ?? 'Die Leitbild-Werkstatt',
					roles: input.roles,
					url: linkUrl(link.path),
					expiresAt: link.expiresAt
				})
			},
			now
		);
		return { ...link, mailed };
	});
}

export function createPasswordReset(
	db: AppDatabase,
	input: { userId: string; createdBy: string; linkUrl?: LinkUrl },
	now = new Date()
): CreatedLink | undefined {
	const person = findUser(db, input.userId);
	if (!person) return undefined;
	const linkUrl = input.linkUrl ?? absoluteUrl;
	return transaction(db, (tx) => {
		const link = insertLink(
			tx,
			{ purpose: 'password-reset', email: person.email, createdBy: input.createdBy },
			passwordResetLifetimeMs,
			now
		);
		recordAudit(tx, {
			event: 'password-reset-created',
			actorUserId: input.createdBy,
			subjectUserId: person.id
		});
		const mailed = queueMail(
			tx,
			{
				kind: 'password-reset',
				userId: person.id,
				to: person.email,
				...passwordResetMail({
					name: person.name,
					url: linkUrl(link.path),
					expiresAt: link.expiresAt
				})
			},
			now
		);
		return { ...link, mailed };
	});
}

export type LinkLookup =
	| { ok: true; link: AccountLink; organisationName: string | null; existingUserId?: string }
	| { ok: false; message: string };

export function findUsableLink(
	db: AppDatabase,
	token: string,
	purpose: AccountLinkPurpose,
	now = new Date()
): LinkLookup {
	const found = db
		.select({ link: accountLink, organisationName: organisation.name })
		.from(accountLink)
		.leftJoin(organisation, eq(accountLink.organisationId, organisation.id))
		.where(and(eq(accountLink.tokenHash, hashTokenHex(token)), eq(accountLink.purpose, purpose)))
		.get();
	if (!found) {
		return {
			ok: false,
			message: 'Dieser Link ist ungültig. Bitte prüfen Sie, ob er vollständig ist.'
		};
	}
	if (found.link.usedAt) {
		return {
			ok: false,
			message: 'Dieser Link wurde bereits verwendet. Bitten Sie um einen neuen Link.'
		};
	}
	if (found.link.expiresAt.getTime() <= now.getTime()) {
		return { ok: false, message: 'Dieser Link ist abgelaufen. Bitten Sie um einen neuen Link.' };
	}
	const existing = findUserByEmail(db, found.link.email);
	return {
		ok: true,
		link: found.link,
		organisationName: found.organisationName,
		existingUserId: existing?.id
	};
}

/** Marks a link used; false when another request used it first (two tabs, one link). */
function claimLink(tx: AppDatabase, linkId: string, now: Date): boolean {
	const claimed = tx
		.update(accountLink)
		.set({ usedAt: now })
		.where(and(eq(accountLink.id, linkId), isNull(accountLink.usedAt)))
		.run();
	return claimed.changes === 1;
}

/**
 * How an invitation is accepted: a new person sets name and password; someone with an account
 * has signed in as it first (through the throttled sign-in), so no password is checked here and
 * the link tells its holder nothing about the account.
 */
export type InvitationAnswer =
	{ kind: 'new'; name: string; password: string } | { kind: 'signed-in'; userId: string };

export const existingAccountMessage =
	'Unter dieser E-Mail-Adresse gibt es schon ein Konto. Bitte melden Sie sich mit ihm an, um die Einladung anzunehmen.';

export async function acceptInvitation(
	db: AppDatabase,
	token: string,
	answer: InvitationAnswer,
	now = new Date()
): Promise<Result & { userId?: string }> {
	const lookup = findUsableLink(db, token, 'invitation', now);
	if (!lookup.ok) return lookup;
	const { link } = lookup;
	let passwordHash: string | undefined;
	if (answer.kind === 'signed-in') {
		if (answer.userId !== lookup.existingUserId) {
			return {
				ok: false,
				message: `Diese Einladung gilt für ${link.email}. Bitte melden Sie sich mit diesem Konto an.`
			};
		}
		const person = findUser(db, answer.userId)!;
		if (person.deactivatedAt) return { ok: false, message: 'Dieses Konto ist deaktiviert.' };
	} else {
		if (lookup.existingUserId) return { ok: false, message: existingAccountMessage };
		const problem = passwordProblem(answer.password, link.email);
		if (problem) return { ok: false, message: problem };
		passwordHash = await hashPassword(answer.password);
	}
	return transaction(db, (tx) => {
		if (!claimLink(tx, link.id, now)) {
			return { ok: false, message: 'Dieser Link wurde bereits verwendet.' } as const;
		}
		let userId = lookup.existingUserId;
		if (!userId) {
			userId = crypto.randomUUID();
			tx.insert(user)
				.values({
					id: userId,
					email: link.email,
					name: (answer as { name: string }).name,
					passwordHash: passwordHash!,
					createdAt: now
				})
				.run();
		}
		const current = tx
			.select()
			.from(membership)
			.where(
				and(eq(membership.userId, userId), eq(membership.organisationId, link.organisationId!))
			)
			.get();
		const roles = [...new Set([...(current?.roles ?? []), ...link.roles])];
		tx.insert(membership)
			.values({ userId, organisationId: link.organisationId!, roles, createdAt: now })
			.onConflictDoUpdate({
				target: [membership.userId, membership.organisationId],
				set: { roles, deactivatedAt: null }
			})
			.run();
		recordAudit(tx, {
			event: 'invitation-accepted',
			actorUserId: userId,
			subjectUserId: userId,
			organisationId: link.organisationId,
			details: { roles: link.roles }
		});
		// Someone with open connections gains rights in them at once.
		announce(tx, { topic: 'access' });
		return { ok: true, userId } as const;
	});
}

/** Sets a new password through a reset link and ends every session of that person. */
export async function resetPassword(
	db: AppDatabase,
	token: string,
	password: string,
	now = new Date()
): Promise<Result> {
	const lookup = findUsableLink(db, token, 'password-reset', now);
	if (!lookup.ok) return lookup;
	const personId = lookup.existingUserId;
	if (!personId) return { ok: false, message: 'Dieses Konto gibt es nicht mehr.' };
	const problem = passwordProblem(password, lookup.link.email);
	if (problem) return { ok: false, message: problem };
	const passwordHash = await hashPassword(password);
	return transaction(db, (tx) => {
		if (!claimLink(tx, lookup.link.id, now)) {
			return { ok: false, message: 'Dieser Link wurde bereits verwendet.' } as const;
		}
		tx.update(user).set({ passwordHash }).where(eq(user.id, personId)).run();
		invalidateUserSessions(tx, personId);
		recordAudit(tx, { event: 'password-reset', actorUserId: personId, subjectUserId: personId });
		return { ok: true } as const;
	});
}
