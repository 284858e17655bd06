// Passwords: argon2id with the library's defaults (19 MiB, 2 passes), and the rules a new
// password must meet.
import { hash, verify } from '@node-rs/argon2';

export const passwordMinLength = 10;
export const passwordMaxLength = 200;

export function hashPassword(password: string): Promise<string> {
	return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

/** A German message saying what is wrong with a new password, or undefined when it is fine. */
export function passwordProblem(password: string, email?: string): string | undefined {
	if (password.length < passwordMinLength) {
		return `Das Passwort muss mindestens ${passwordMinLength} Zeichen lang sein.`;
	}
	if (password.length > passwordMaxLength) {
		return `Das Passwort darf höchstens ${passwordMaxLength} Zeichen lang sein.`;
	}
	if (email && password.trim().toLowerCase() === email.trim().toLowerCase()) {
		return 'Das Passwort darf nicht Ihre E-Mail-Adresse sein.';
	}
	if (new Set(password).size < 4) {
		return 'Das Passwort ist zu einfach. Bitte verwenden Sie unterschiedliche Zeichen.';
	}
	return undefined;
}

/** A random password for a new administrator, printed once. */
export function generatePassword(): string {
	const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
	const bytes = crypto.getRandomValues(new Uint8Array(20));
	return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('');
}
