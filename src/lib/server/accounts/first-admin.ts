// The first administrator: from ADMIN_EMAIL / ADMIN_PASSWORD, or with a random password that is
// printed once. Also what `npm run admin` uses to create admins and reset passwords.
import { eq } from 'drizzle-orm';
import { generatePassword, hashPassword, passwordProblem } from '../auth/password';
import { invalidateUserSessions } from '../auth/session';
import { transaction, type AppDatabase } from '../db/database';
import { membership, organisation, user } from '../db/schema';
import { hasForbiddenCharacters } from '../text/user-text';
import { recordAudit } from './audit';
import { findUserByEmail, normalizeEmail } from './members';

export const defaultAdminEmail = 'admin@leitbild.invalid';

function hasAdmin(db: AppDatabase): boolean {
	return db
		.select({ roles: membership.roles })
		.from(membership)
		.innerJoin(organisation, eq(membership.organisationId, organisation.id))
		.where(eq(organisation.kind, 'kreis'))
		.all()
		.some((row) => row.roles.includes('admin'));
}

export interface CreatedAdmin {
	email: string;
	/** Set when the password was generated and must be shown once. */
	generatedPassword?: string;
}

export async function createAdmin(
	db: AppDatabase,
	input: { email: string; name?: string; password?: string }
): Promise<CreatedAdmin> {
	const email = normalizeEmail(input.email);
	if (!/^[^\s@]+@[^\s@]+$/.test(email) || hasForbiddenCharacters(email, 'one-line')) {
		throw new Error(`Keine gültige E-Mail-Adresse: ${JSON.stringify(email)}`);
	}
	const name = input.name?.trim() || 'Administration';
	if (hasForbiddenCharacters(name, 'one-line')) {
		throw new Error('Der Name darf keine Steuerzeichen enthalten.');
	}
	if (findUserByEmail(db, email)) throw new Error(`Es gibt schon ein Konto für ${email}.`);
	const kreis = db.select().from(organisation).where(eq(organisation.kind, 'kreis')).get();
	if (!kreis) throw new Error('Die Organisationen sind noch nicht eingespielt.');
	const generatedPassword = input.password ? undefined : generatePassword();
	const password = input.password ?? generatedPassword!;
	const problem = passwordProblem(password, email);
	if (problem) throw new Error(problem);
	const passwordHash = await hashPassword(password);
	transaction(db, (tx) => {
		const id = crypto.randomUUID();
		tx.insert(user).values({ id, email, name, passwordHash }).run();
		tx.insert(membership)
			.values({ userId: id, organisationId: kreis.id, roles: ['admin'] })
			.run();
		recordAudit(tx, { event: 'admin-created', subjectUserId: id, organisationId: kreis.id });
	});
	return { email, generatedPassword };
}

/** At start-up: creates the configured admin, or a first one when there is none. */
export async function ensureAdmin(
	db: AppDatabase,
	env: NodeJS.ProcessEnv = process.env
): Promise<CreatedAdmin | undefined> {
	const email = env.ADMIN_EMAIL?.trim();
	if (email) {
		if (findUserByEmail(db, email)) return undefined;
		return createAdmin(db, { email, password: env.ADMIN_PASSWORD || undefined });
	}
	if (hasAdmin(db)) return undefined;
	return createAdmin(db, { email: defaultAdminEmail, password: env.ADMIN_PASSWORD || undefined });
}

export async function setPasswordFromCommandLine(
	db: AppDatabase,
	input: { email: string; password?: string }
): Promise<CreatedAdmin> {
	const person = findUserByEmail(db, input.email);
	if (!person) throw new Error(`Kein Konto für ${input.email}.`);
	const generatedPassword = input.password ? undefined : generatePassword();
	const password = input.password ?? generatedPassword!;
	const problem = passwordProblem(password, person.email);
	if (problem) throw new Error(problem);
	const passwordHash = await hashPassword(password);
	transaction(db, (tx) => {
		tx.update(user).set({ passwordHash }).where(eq(user.id, person.id)).run();
		invalidateUserSessions(tx, person.id);
		recordAudit(tx, { event: 'password-reset', subjectUserId: person.id });
	});
	return { email: person.email, generatedPassword };
}
