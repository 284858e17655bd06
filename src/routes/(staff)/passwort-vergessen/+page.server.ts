import { error, fail } from '@sveltejs/kit';
import { neutralAnswer, requestPasswordReset } from '$lib/server/accounts/password-forgotten';
import { ResetRequestForm } from '$lib/server/accounts/forms';
import { parseForm } from '$lib/server/http/forms';
import { authorize } from '$lib/server/http/guard';
import { publicUrl } from '$lib/server/http/public-url';
import { setRetryAfter } from '$lib/server/http/retry-after';
import { mailIsOn } from '$lib/server/mail/outbox';

/** Without mail there is nobody to send the link: the organisation makes one, as before. */
function requireMail() {
	if (!mailIsOn()) {
		error(
			404,
			'Ohne E-Mail gibt es diese Seite nicht. Ihre Organisation erstellt Ihnen einen Link.'
		);
	}
}

export function load(event) {
	authorize(event, 'public:view');
	requireMail();
	return {};
}

export const actions = {
	default: async (event) => {
		const { config, db, throttleRules } = event.locals.services;
		authorize(event, 'public:view');
		requireMail();
		const form = parseForm(ResetRequestForm, await event.request.formData());
		if (!form.ok) return fail(400, { message: form.message });
		const result = requestPasswordReset(
			db,
			{
				email: form.value.email,
				ipAddress: event.getClientAddress(),
				linkUrl: (path) => publicUrl(config, path, event.url)
			},
			throttleRules.address
		);
		if (!result.ok) {
			setRetryAfter(event, result.retryAfterMs);
			return fail(429, { message: result.message });
		}
		return { sent: neutralAnswer };
	}
};
