// A person's data as JSON, for a request under Art. 15 or 20 DSGVO. Every export is logged.
import { error, json } from '@sveltejs/kit';
import { accountResource } from '$lib/server/accounts/account';
import { personData, recordDataExport } from '$lib/server/accounts/privacy';
import { authorize, signedInUser } from '$lib/server/http/guard';

export function GET(event) {
	const { db } = event.locals.services;
	authorize(event, 'staff:view');
	authorize(event, 'account:manage', accountResource(db, event.params.id));
	const actorUser = signedInUser(event);
	const data = personData(db, event.params.id);
	if (!data) error(404, 'Diese Person gibt es nicht.');
	recordDataExport(db, actorUser.id, event.params.id);
	return json(data, {
		headers: {
			'content-disposition': `attachment; filename="personendaten-${event.params.id}.json"`,
			'cache-control': 'no-store'
		}
	});
}
