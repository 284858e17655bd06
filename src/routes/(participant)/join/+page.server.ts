import { fail } from '@sveltejs/kit';
import { authorize } from '$lib/server/http/guard';
import { normalizeJoinCode } from '$lib/join-code';

export function load(event) {
	authorize(event, 'public:view');
	return {};
}

export const actions = {
	default: async (event) => {
		authorize(event, 'public:view');
		const form = await event.request.formData();
		const entered = form.get('code');
		const code = typeof entered === 'string' ? normalizeJoinCode(entered) : undefined;
		if (!code) {
			return fail(400, {
				code: typeof entered === 'string' ? entered.slice(0, 20) : '',
				message:
					'Bitte geben Sie den sechsstelligen Code ein, der bei der Veranstaltung angezeigt wird.'
			});
		}
		// No event exists yet whose joining is open: events arrive with the conference feature.
		return fail(404, {
			code,
			message: 'Zu diesem Code gibt es keine Veranstaltung, bei der die Anmeldung offen ist.'
		});
	}
};
