import { staffEvent } from '$lib/server/http/resource-guards';
import { answersTable } from '$lib/server/polls/exports';
import { affiliationLabels } from '$lib/server/polls/labels';
import { pollSnapshot } from '$lib/server/polls/poll-state';
import { tableXlsx, xlsxType } from '$lib/server/spreadsheet';

export async function GET(event) {
	const { db } = event.locals.services;
	const found = staffEvent(event.locals.services.db, event, 'event:view');
	const { questions } = pollSnapshot(db, found.id);
	const table = answersTable(
		questions.map(({ row, answers }) => ({ row, answers })),
		affiliationLabels(db)
	);
	const workbook = await tableXlsx(table, `Umfrage: ${found.title}`);
	return new Response(new Uint8Array(workbook), {
		headers: {
			'Content-Type': xlsxType,
			'Content-Disposition': `attachment; filename="umfrage-${found.slug}.xlsx"`,
			'Cache-Control': 'private, no-store'
		}
	});
}
