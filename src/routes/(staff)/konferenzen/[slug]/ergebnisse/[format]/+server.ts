import { error } from '@sveltejs/kit';
import { resultsCsv, resultsDocx, resultsMarkdown, resultsTable } from '$lib/server/boards/exports';
import { eventBoardResults } from '$lib/server/boards/results';
import { staffEvent } from '$lib/server/http/resource-guards';
import { pollSummaries } from '$lib/server/polls/summary';
import { tableXlsx, xlsxType } from '$lib/server/spreadsheet';
import { workspaceName } from '$lib/server/workspace/organisations';

const types = {
	md: 'text/markdown; charset=utf-8',
	csv: 'text/csv; charset=utf-8',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: xlsxType
} as const;

export async function GET(event) {
	const { db } = event.locals.services;
	const found = staffEvent(event.locals.services.db, event, 'event:view');
	const format = event.params.format;
	if (!Object.hasOwn(types, format)) {
		error(404, 'Dieses Format gibt es nicht. Möglich sind md, csv, xlsx und docx.');
	}
	const kind = format as keyof typeof types;
	const boards = eventBoardResults(db, found);
	const polls = pollSummaries(db, found.id);
	const body =
		kind === 'md'
			? resultsMarkdown(found, boards, polls)
			: kind === 'csv'
				? resultsCsv(found, boards)
				: kind === 'xlsx'
					? new Uint8Array(
							await tableXlsx(resultsTable(found, boards), `Ergebnisse: ${found.title}`)
						)
					: new Uint8Array(await resultsDocx(found, boards, polls, workspaceName(db)));
	return new Response(body, {
		headers: {
			'content-type': types[kind],
			'content-disposition': `attachment; filename="ergebnisse-${found.slug}.${kind}"`,
			'cache-control': 'private, no-store'
		}
	});
}
