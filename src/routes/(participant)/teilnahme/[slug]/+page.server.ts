import { fail, redirect } from '@sveltejs/kit';
import { listBoards } from '$lib/server/boards/boards';
import { participantEvent } from '$lib/server/http/resource-guards';
import { listWorkingGroups } from '$lib/server/events/events';
import { parseProfileForm, profileRefusalMessage } from '$lib/server/events/join-messages';
import {
	deleteParticipant,
	deleteParticipantCookie,
	renewReentryCode,
	setParticipantCookie,
	updateProfile
} from '$lib/server/events/participants';
import { affiliationOptions, checkProfile } from '$lib/server/events/profile';
import { messagesFor } from '$lib/server/i18n/messages';
import { writesOnBoard } from '$lib/server/policy';
import { participantPollState, pollSnapshot } from '$lib/server/polls/poll-state';

export function load(event) {
	const { db } = event.locals.services;
	const { eventRow, participant } = participantEvent(event.locals.services.db, event);
	const groups = listWorkingGroups(db, eventRow.id);
	const own = participant.participant;
	return {
		event: {
			slug: eventRow.slug,
			title: eventRow.title,
			date: eventRow.date,
			place: eventRow.place,
			description: eventRow.description,
			agenda: eventRow.agenda,
			asksAffiliation: eventRow.asksAffiliation,
			archived: Boolean(eventRow.archivedAt)
		},
		workingGroups: groups.map(({ id, title, question }) => ({ id, title, question })),
		boards: listBoards(db, eventRow.id).map((board) => ({
			...board,
			writable: writesOnBoard(
				{ kind: 'participant', workingGroupId: own.workingGroupId },
				board,
				eventRow
			)
		})),
		affiliations: eventRow.asksAffiliation
			? affiliationOptions(db).map(({ id, name }) => ({ id, name }))
			: [],
		me: {
			displayName: own.displayName,
			workingGroupId: own.workingGroupId,
			affiliationOrganisationId: own.affiliationOrganisationId,
			organisationType: own.organisationType,
			reentryCode: participant.reentryCode
		},
		welcome: event.url.searchParams.has('willkommen'),
		polls: {
			eventId: eventRow.id,
			initial: participantPollState(pollSnapshot(db, eventRow.id), own.id)
		}
	};
}

export const actions = {
	profile: async (event) => {
		const { db } = event.locals.services;
		const { eventRow, participant } = participantEvent(event.locals.services.db, event);
		const m = messagesFor(event.locals.locale);
		const form = parseProfileForm(m, await event.request.formData());
		if (!form.ok) return fail(400, { profileMessage: form.message });
		const profile = checkProfile(db, eventRow, form.value);
		if (!profile.ok) {
			return fail(400, { profileMessage: profileRefusalMessage(m, profile.reason) });
		}
		updateProfile(db, participant.participant.id, profile.value);
		return { profileSaved: true };
	},
	newCode: (event) => {
		const { db } = event.locals.services;
		const { eventRow, participant } = participantEvent(event.locals.services.db, event);
		const reentryCode = renewReentryCode(db, participant.participant.id, eventRow.id);
		setParticipantCookie(
			event.cookies,
			eventRow.id,
			{ token: participant.token, reentryCode },
			event.url.protocol === 'https:'
		);
		return { codeRenewed: true };
	},
	leave: async (event) => {
		const { db } = event.locals.services;
		const { eventRow, participant } = participantEvent(event.locals.services.db, event);
		const confirm = (await event.request.formData()).get('confirm');
		if (confirm !== 'ja') {
			return fail(400, {
				leaveMessage: messagesFor(event.locals.locale).join_leave_confirm_missing()
			});
		}
		deleteParticipant(db, participant.participant.id);
		deleteParticipantCookie(event.cookies, eventRow.id, event.url.protocol === 'https:');
		redirect(303, '/join?verlassen');
	}
};
