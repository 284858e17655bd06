import { error, fail, type RequestEvent } from '@sveltejs/kit';
import * as v from 'valibot';
import {
	accountResource,
	changeAccountProfile,
	setAccountActive
} from '$lib/server/accounts/account';
import { AccountProfileForm } from '$lib/server/accounts/forms';
import { findUser } from '$lib/server/accounts/members';
import { createPasswordReset } from '$lib/server/accounts/links';
import { anonymisePerson, personData } from '$lib/server/accounts/privacy';
import { confirmation, parseForm } from '$lib/server/http/forms';
import { authorize, signedInUser } from '$lib/server/http/guard';
import { publicUrl } from '$lib/server/http/public-url';
import { mailIsOn } from '$lib/server/mail/outbox';
import { accountAuthorityGap, can } from '$lib/server/policy';
import { listOrganisations } from '$lib/server/workspace/organisations';

const AnonymiseForm = v.object({
	confirm: confirmation('Bitte bestätigen Sie, dass die Person anonymisiert werden soll.')
});

const DeactivateForm = v.object({
	confirm: confirmation('Bitte bestätigen Sie, dass das ganze Konto deaktiviert werden soll.')
});

/** The person's account, for an actor who may do `action` with it; 404 for nobody. */
function accountOf(event: RequestEvent<{ id: string }>, action: 'account:view' | 'account:manage') {
	const { db } = event.locals.services;
	authorize(event, 'staff:view');
	const resource = accountResource(db, event.params.id);
	authorize(event, action, resource);
	const person = findUser(db, event.params.id);
	if (!person) error(404, 'Diese Person gibt es nicht.');
	return { resource, person };
}

export function load(event) {
	const { db } = event.locals.services;
	const { resource } = accountOf(event, 'account:view');
	const data = personData(db, event.params.id)!;
	const actor = event.locals.actor;
	const gap = accountAuthorityGap(actor, resource);
	const names = new Map(listOrganisations(db).map((org) => [org.id, org.name]));
	return {
		person: data.person,
		memberships: data.mitgliedschaften,
		contributions: {
			comments: data.kommentare.length,
			editingSessions: data.dokumentverlauf.filter((entry) => entry.art === 'edit').length,
			cards: data.karten.length
		},
		isSelf: event.params.id === event.locals.user?.id,
		mailOn: mailIsOn(),
		mayManage: can(actor, 'account:manage', resource),
		/** Why not, when the actor may not: organisations they do not manage, or an admin account. */
		refusal: {
			otherOrganisations: gap.organisationIds.map((id) => names.get(id) ?? id),
			admin: gap.admin,
			noOrganisation: gap.noOrganisation
		}
	};
}

export const actions = {
	resetLink: async (event) => {
		const { config, db } = event.locals.services;
		const { person } = accountOf(event, 'account:manage');
		const actorUser = signedInUser(event);
		if (person.anonymisedAt) {
			return fail(409, { action: 'resetLink', message: 'Diese Person ist anonymisiert.' });
		}
		const link = createPasswordReset(db, {
			userId: person.id,
			createdBy: actorUser.id,
			linkUrl: (path) => publicUrl(config, path, event.url)
		})!;
		return {
			action: 'resetLink',
			link: publicUrl(config, link.path, event.url),
			email: person.email,
			expiresAt: link.expiresAt,
			mailed: link.mailed
		};
	},
	deactivateAccount: async (event) => {
		accountOf(event, 'account:manage');
		const form = parseForm(DeactivateForm, await event.request.formData());
		if (!form.ok) return fail(400, { action: 'active', message: form.message });
		return setActive(event, false);
	},
	reactivateAccount: async (event) => {
		accountOf(event, 'account:manage');
		return setActive(event, true);
	},
	profile: async (event) => {
		const { db } = event.locals.services;
		accountOf(event, 'account:manage');
		const actorUser = signedInUser(event);
		const form = parseForm(AccountProfileForm, await event.request.formData());
		if (!form.ok) return fail(400, { action: 'profile', message: form.message });
		const result = changeAccountProfile(db, {
			actorUserId: actorUser.id,
			userId: event.params.id,
			...form.value
		});
		if (!result.ok) return fail(409, { action: 'profile', message: result.message });
		return { action: 'profile', success: 'Name und E-Mail-Adresse sind gespeichert.' };
	},
	anonymise: async (event) => {
		const { db } = event.locals.services;
		accountOf(event, 'account:manage');
		const actorUser = signedInUser(event);
		const form = parseForm(AnonymiseForm, await event.request.formData());
		if (!form.ok) return fail(400, { action: 'anonymise', message: form.message });
		const result = anonymisePerson(db, { actorUserId: actorUser.id, userId: event.params.id });
		if (!result.ok) return fail(409, { action: 'anonymise', message: result.message });
		return {
			action: 'anonymise',
			success: 'Die Person ist anonymisiert. Ihre Beiträge bleiben als „ehemaliges Mitglied“.'
		};
	}
};

function setActive(event: RequestEvent<{ id: string }>, active: boolean) {
	const { db } = event.locals.services;
	const actorUser = signedInUser(event);
	const result = setAccountActive(db, {
		actorUserId: actorUser.id,
		userId: event.params.id,
		active
	});
	if (!result.ok) return fail(409, { action: 'active', message: result.message });
	return {
		action: 'active',
		success: active
			? 'Das Konto ist wieder aktiv.'
			: 'Das Konto ist deaktiviert; die Person ist überall abgemeldet.'
	};
}
