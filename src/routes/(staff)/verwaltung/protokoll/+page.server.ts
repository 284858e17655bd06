import { auditEvents, countAuditEntries, listAuditEntries } from '$lib/server/accounts/audit';
import { authorize } from '$lib/server/http/guard';

const pageSize = 50;

export function load(event) {
	const { db } = event.locals.services;
	authorize(event, 'audit:view');
	const requested = Number.parseInt(event.url.searchParams.get('seite') ?? '1', 10);
	const total = countAuditEntries(db);
	const pages = Math.max(1, Math.ceil(total / pageSize));
	const page = Number.isFinite(requested) ? Math.min(Math.max(requested, 1), pages) : 1;
	return {
		page,
		pages,
		total,
		entries: listAuditEntries(db, { limit: pageSize, offset: (page - 1) * pageSize }).map(
			(entry) => ({
				...entry,
				label: auditEvents[entry.event as keyof typeof auditEvents] ?? entry.event
			})
		)
	};
}
