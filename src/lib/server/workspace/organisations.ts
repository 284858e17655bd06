import { asc, eq } from 'drizzle-orm';
import type { AppDatabase } from '../db/database';
import { organisation, type Organisation } from '../db/schema';
import { productName } from '../../page-title';

export function listOrganisations(db: AppDatabase): Organisation[] {
	return db.select().from(organisation).orderBy(asc(organisation.sortOrder)).all();
}

/** The bodies whose councils adopt the texts: the Kreis and its Kommunen, in seed order. */
export function listAdoptingBodies(db: AppDatabase): Organisation[] {
	return db
		.select()
		.from(organisation)
		.where(eq(organisation.adopting, true))
		.orderBy(asc(organisation.sortOrder))
		.all();
}

/** The installation's Kreis; its name is the workspace's name. */
export function findKreis(db: AppDatabase): Organisation | undefined {
	return db.select().from(organisation).where(eq(organisation.kind, 'kreis')).get();
}

/** Whom pages and files name as the text's author: the Kreis, or the product before a seed. */
export function workspaceName(db: AppDatabase): string {
	return findKreis(db)?.name ?? productName;
}

export function findOrganisationBySlug(db: AppDatabase, slug: string): Organisation | undefined {
	return db.select().from(organisation).where(eq(organisation.slug, slug)).get();
}
