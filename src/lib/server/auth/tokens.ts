// Random tokens for sessions and single-use links, and the hashes we store instead of them.
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { randomBytes } from 'node:crypto';

/** 120 bits of randomness, base32: safe in URLs and cookies. */
export function generateToken(): string {
	return encodeBase32LowerCaseNoPadding(randomBytes(15));
}

export function hashSecret(secret: string): Uint8Array {
	return sha256(new TextEncoder().encode(secret));
}

export function hashTokenHex(token: string): string {
	return encodeHexLowerCase(hashSecret(token));
}
