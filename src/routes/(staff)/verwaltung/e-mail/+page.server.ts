import { fail } from '@sveltejs/kit';
import { parseForm } from '$lib/server/http/forms';
import { authorize } from '$lib/server/http/guard';
import { RetryMailForm } from '$lib/server/mail/forms';
import { mailKindLabels, mailKinds, type MailKind } from '$lib/server/mail/kinds';
import { mailIsOn, wakeMailSender } from '$lib/server/mail/outbox';
import { latestMails, mailStateLabels, outboxCounts } from '$lib/server/mail/outbox-view';
import { retryFailedMail } from '$lib/server/mail/sender';

function kindLabel(kind: string): string {
	return (mailKinds as readonly string[]).includes(kind) ? mailKindLabels[kind as MailKind] : kind;
}

export function load(event) {
	const { db } = event.locals.services;
	authorize(event, 'mail:manage');
	return {
		mailOn: mailIsOn(),
		counts: Object.entries(outboxCounts(db)).map(([state, count]) => ({
			state,
			label: mailStateLabels[state as keyof typeof mailStateLabels],
			count
		})),
		mails: latestMails(db).map((mail) => ({
			...mail,
			kindLabel: kindLabel(mail.kind),
			stateLabel: mailStateLabels[mail.state]
		}))
	};
}

export const actions = {
	retry: async (event) => {
		const { db } = event.locals.services;
		authorize(event, 'mail:manage');
		const form = parseForm(RetryMailForm, await event.request.formData());
		if (!form.ok) return fail(400, { message: form.message });
		if (!retryFailedMail(db, form.value.mailId)) {
			return fail(409, { message: 'Diese E-Mail ist nicht (mehr) fehlgeschlagen.' });
		}
		wakeMailSender();
		return { success: 'Die E-Mail wird erneut gesendet.' };
	}
};
