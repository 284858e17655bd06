// The installation's workspace: one Kreis with its Kommunen and partners. Kreis Unna ships as the
// default; another Kreis points WORKSPACE_SEED at a JSON file of the same shape.
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { organisationKinds } from '../db/schema';
import { oneLineText } from '../text/user-text';
import kreisUnna from './kreis-unna.json';

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const withoutControls = oneLineText(
	'Namen in der Seed-Datei dürfen keine Steuerzeichen enthalten.'
);

const OrganisationSeed = v.object({
	slug: v.pipe(v.string(), v.regex(slugPattern), v.maxLength(60)),
	name: v.pipe(v.string(), v.trim(), v.minLength(2), v.maxLength(200), withoutControls),
	shortName: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(60), withoutControls),
	kind: v.picklist(organisationKinds),
	ags: v.optional(v.pipe(v.string(), v.regex(/^\d{5}(\d{3})?$/))),
	adopting: v.optional(v.boolean(), false)
});

export const WorkspaceSeed = v.pipe(
	v.object({
		name: v.pipe(v.string(), v.minLength(2), withoutControls),
		programme: v.optional(v.pipe(v.string(), withoutControls)),
		organisations: v.pipe(v.array(OrganisationSeed), v.minLength(1))
	}),
	v.check(
		(seed) => seed.organisations.filter((o) => o.kind === 'kreis').length === 1,
		'Die Seed-Datei muss genau einen Kreis enthalten.'
	),
	v.check(
		(seed) => new Set(seed.organisations.map((o) => o.slug)).size === seed.organisations.length,
		'Jede Organisation braucht einen eigenen Kurznamen (slug).'
	)
);

export type WorkspaceSeed = v.InferOutput<typeof WorkspaceSeed>;

export function loadWorkspaceSeed(path = process.env.WORKSPACE_SEED): WorkspaceSeed {
	const raw: unknown = path ? JSON.parse(readFileSync(path, 'utf8')) : kreisUnna;
	return v.parse(WorkspaceSeed, raw);
}
