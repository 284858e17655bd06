// A participant's profile as the form gave it, checked against the event: the working group must
// be one of its groups, the affiliation the Kreis or one of its Kommunen, and only where asked.
import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../db/database';
import { organisation, type EventRow, type Organisation } from '../db/schema';
import { listOrganisations } from '../workspace/organisations';
import { listWorkingGroups } from './events';
import type * as v from 'valibot';
import type { ParticipantProfileForm } from './forms';
import type { ParticipantProfile } from './participants';

/** The bodies a participant can say they come from: the Kreis and its Kommunen. */
export function affiliationOptions(db: AppDatabase): Organisation[] {
	return listOrganisations(db).filter((org) => org.kind === 'kreis' || org.kind === 'kommune');
}

/** Why a profile was refused: for the routes to say it in the participant's language. */
export type ProfileRefusal = 'working-group' | 'affiliation';

export type ProfileCheck =
	{ ok: true; value: ParticipantProfile } | { ok: false; message: string; reason: ProfileRefusal };

export function checkProfile(
	db: AppDatabase,
	eventRow: EventRow,
	form: v.InferOutput<typeof ParticipantProfileForm>
): ProfileCheck {
	const groups = listWorkingGroups(db, eventRow.id);
	let workingGroupId: string | null = null;
	if (groups.length > 0) {
		const group = groups.find((g) => g.id === form.workingGroupId);
		if (!group)
			return {
				ok: false,
				message: 'Bitte wählen Sie Ihre Arbeitsgruppe.',
				reason: 'working-group'
			};
		workingGroupId = group.id;
	}
	let affiliationOrganisationId: string | null = null;
	if (eventRow.asksAffiliation && form.affiliationOrganisationId) {
		const found = db
			.select({ id: organisation.id, kind: organisation.kind })
			.from(organisation)
			.where(eq(organisation.id, form.affiliationOrganisationId))
			.get();
		if (!found || (found.kind !== 'kreis' && found.kind !== 'kommune')) {
			return {
				ok: false,
				message: 'Bitte wählen Sie eine Kommune oder den Kreis aus der Liste.',
				reason: 'affiliation'
			};
		}
		affiliationOrganisationId = found.id;
	}
	return {
		ok: true,
		value: {
			displayName: form.displayName || null,
			workingGroupId,
			affiliationOrganisationId,
			organisationType:
				eventRow.asksAffiliation && form.organisationType ? form.organisationType : null
		}
	};
}
