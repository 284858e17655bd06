import { authorize } from '$lib/server/http/guard';

export function load(event) {
	authorize(event, 'staff:view');
	return {};
}
