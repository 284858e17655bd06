// Who signs the Selbstverpflichtung: every adopting body (the Kreis and its Kommunen, in their
// order), or the one a per-body export asks for.
import type { AppDatabase } from '../db/database';
import type { DocumentKind, Organisation } from '../db/schema';
import { listAdoptingBodies } from '../workspace/organisations';

export const signatureKinds: readonly DocumentKind[] = ['selbstverpflichtung'];

/**
 * The bodies for the signature page, or undefined when `bodySlug` names no adopting body.
 * Documents of other kinds have no signature page.
 */
export function signatureBodiesFor(
	db: AppDatabase,
	kind: DocumentKind,
	bodySlug: string | null
): { bodies: Organisation[]; body?: Organisation } | undefined {
	const adopting = listAdoptingBodies(db);
	const body = bodySlug === null ? undefined : adopting.find((org) => org.slug === bodySlug);
	if (bodySlug !== null && !body) return undefined;
	if (!signatureKinds.includes(kind)) return { bodies: [], body };
	return { bodies: body ? [body] : adopting, body };
}
