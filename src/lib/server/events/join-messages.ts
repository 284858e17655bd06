// What the join flow tells a participant, in their language. The domain modules (joining.ts,
// forms.ts, profile.ts, join-rate.ts) answer in German and with a kind or reason; the routes
// translate by that kind or reason here.
import { waitText } from '$lib/i18n/wait-text';
import * as v from 'valibot';
import type { Messages } from '$lib/i18n/messages';
import { formFields, type Parsed } from '../http/forms';
import { maxDisplayNameLength, ParticipantProfileForm, ReentryForm } from './forms';
import type { CodeLookup, Rejoin } from './joining';
import type { ProfileRefusal } from './profile';

/** A wait given in milliseconds, as the server's describeWait rounds it. */
export function waitInMs(m: Messages, ms: number): string {
	return waitText(m, Math.ceil(ms / 1000));
}

/** Why a join code found no event. */
export function codeLookupMessage(
	m: Messages,
	lookup: Exclude<CodeLookup, { kind: 'found' }>
): string {
	switch (lookup.kind) {
		case 'locked':
			return m.join_code_locked({ wait: waitInMs(m, lookup.retryAfterMs) });
		case 'malformed':
			return m.join_code_malformed();
		case 'unknown':
			return m.join_code_unknown();
	}
}

/** Why a re-entry code let nobody in. */
export function rejoinMessage(m: Messages, result: Exclude<Rejoin, { kind: 'joined' }>): string {
	return result.kind === 'locked'
		? m.join_code_locked({ wait: waitInMs(m, result.retryAfterMs) })
		: m.join_reentry_code_wrong();
}

/** Too many new participants from one network: how long to wait. */
export function tooManyJoinsMessage(m: Messages, waitMs: number): string {
	return m.join_too_many_joins({ wait: waitInMs(m, waitMs) });
}

export function profileRefusalMessage(m: Messages, reason: ProfileRefusal): string {
	return reason === 'working-group' ? m.join_working_group_missing() : m.join_affiliation_invalid();
}

/** The field and check of the first problem: what the participant is told, by its code. */
function profileIssueMessage(m: Messages, issue: v.BaseIssue<unknown>): string {
	const field = issue.path?.[0]?.key;
	if (field === 'displayName' && issue.type === 'max_length') {
		return m.join_name_too_long({ max: maxDisplayNameLength });
	}
	if (field === 'displayName' && issue.type === 'check') return m.join_name_control_characters();
	if (field === 'organisationType') return m.join_organisation_type_invalid();
	return m.join_form_incomplete();
}

/** The participant profile form (ParticipantProfileForm), its problems told in `m`'s language. */
export function parseProfileForm(
	m: Messages,
	data: FormData
): Parsed<v.InferOutput<typeof ParticipantProfileForm>> {
	const result = v.safeParse(ParticipantProfileForm, formFields(data));
	if (result.success) return { ok: true, value: result.output };
	return { ok: false, message: profileIssueMessage(m, result.issues[0]) };
}

/** The re-entry form (ReentryForm), its problems told in `m`'s language. */
export function parseReentryForm(
	m: Messages,
	data: FormData
): Parsed<v.InferOutput<typeof ReentryForm>> {
	const result = v.safeParse(ReentryForm, { reentryCode: data.get('reentryCode') ?? '' });
	if (result.success) return { ok: true, value: result.output };
	return {
		ok: false,
		message:
			result.issues[0].type === 'max_length'
				? m.join_reentry_code_too_long()
				: m.join_reentry_code_missing()
	};
}
