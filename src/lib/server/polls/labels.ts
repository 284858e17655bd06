// Names for the groups of the breakdown and the CSV: the Kreis and its Kommunen, and the kinds of
// organisation, in the order participants choose from.
import { organisationTypeLabels } from '$lib/events';
import type { AppDatabase } from '../db/database';
import { affiliationOptions } from '../events/profile';

export function affiliationLabels(db: AppDatabase): Map<string, string> {
	return new Map(affiliationOptions(db).map((org) => [org.id, org.name]));
}

export const organisationTypeNames: ReadonlyMap<string, string> = new Map(
	Object.entries(organisationTypeLabels)
);
