import { error } from '@sveltejs/kit';
import { can, appResource, type Action, type Actor, type Resource } from '../policy';

/** Throws 401 or 403 with a German message unless the actor may do the action. */
export function requirePermission(
	actor: Actor,
	action: Action,
	resource: Resource = appResource
): void {
	if (can(actor, action, resource)) return;
	if (actor.kind === 'anonymous') error(401, 'Bitte melden Sie sich an.');
	error(403, 'Sie haben keine Berechtigung für diese Seite oder Aktion.');
}
