import { db } from '$lib/server/app';
import { findKreis } from '$lib/server/workspace/organisations';

export function load() {
	return { workspaceName: findKreis(db())?.name ?? 'Leitbild-Werkstatt' };
}
