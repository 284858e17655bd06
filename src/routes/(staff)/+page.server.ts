import { db } from '$lib/server/app';
import { listMembershipsOfUser } from '$lib/server/accounts/members';
import { authorize } from '$lib/server/http/guard';

export function load(event) {
	authorize(event, 'public:view');
	const { user } = event.locals;
	return {
		memberships: user
			? listMembershipsOfUser(db(), user.id).map(({ slug, name, roles }) => ({ slug, name, roles }))
			: []
	};
}
