import { fail } from '@sveltejs/kit';
import { FeedbackForm, submitFeedback } from '$lib/server/feedback/feedback';
import { formFields, parseForm } from '$lib/server/http/forms';
import { authorize } from '$lib/server/http/guard';

export function load(event) {
	authorize(event, 'public:view');
	return {};
}

/** What was typed, cut to the field sizes, to show again beside a message. */
function typedValues(data: FormData) {
	const fields = formFields(data);
	const text = (name: string, max: number) => String(fields[name] ?? '').slice(0, max);
	return { message: text('message', 4000), page: text('page', 300), contact: text('contact', 300) };
}

export const actions = {
	default: async (event) => {
		const { db } = event.locals.services;
		authorize(event, 'public:view');
		const data = await event.request.formData();
		const form = parseForm(FeedbackForm, data);
		if (!form.ok) return fail(400, { message: form.message, values: typedValues(data) });
		const result = submitFeedback(db, form.value, { address: event.getClientAddress() });
		if (!result.ok) {
			return fail(result.status, { message: result.message, values: typedValues(data) });
		}
		return { sent: true };
	}
};
