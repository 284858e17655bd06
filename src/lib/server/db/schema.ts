// The one database schema. Every table of the app is declared here; drizzle-kit generates the
// migrations in drizzle/ from it.
import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

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
