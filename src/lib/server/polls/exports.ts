// The poll's numbers for the documentation: every answer as a table, for CSV and Excel
// (anonymous: no participant, only the stated affiliation), and each chart as a standalone SVG
// file, drawn from the same layout as the pages.
import { organisationTypeLabels } from '$lib/events';
import { formatNumber, layoutBars, tallyBars } from '$lib/polls/bar-chart';
import { questionTypeLabels, respondentsLabel } from '$lib/polls/labels';
import type { Tally } from '$lib/polls/types';
import { csvField } from '../csv';
import type { PollAnswerRow, PollQuestionRow } from '../db/schema';
import { berlinClock, tableCsv, type CellValue, type Column, type Table } from '../spreadsheet';
import { shortened } from '../text/user-text';

export { csvField };

const berlinTime = new Intl.DateTimeFormat('sv-SE', {
	timeZone: 'Europe/Berlin',
	dateStyle: 'short',
	timeStyle: 'medium'
});

/** What a person answered: a scale's value as a number, everything else as text. */
function answerValue(question: PollQuestionRow, answer: PollAnswerRow): CellValue {
	switch (question.type) {
		case 'single':
		case 'multiple':
			return (answer.choices ?? []).map((index) => question.options[index] ?? '?').join(' | ');
		case 'ranking':
			return (answer.choices ?? [])
				.map((index, place) => `${place + 1}. ${question.options[index] ?? '?'}`)
				.join(' | ');
		case 'scale':
			return answer.scaleValue;
		case 'text':
			return answer.hiddenAt ? '' : (answer.text ?? '');
	}
}

const columns: Column[] = [
	{ header: 'Nr.', type: 'number' },
	{ header: 'Frage', type: 'text' },
	{ header: 'Art', type: 'text' },
	{ header: 'Antwort', type: 'text' },
	{ header: 'Ausgeblendet', type: 'text' },
	{ header: 'Kommune oder Kreis', type: 'text' },
	{ header: 'Art der Organisation', type: 'text' },
	{ header: 'Zeitpunkt (Europe/Berlin)', type: 'datetime' }
];

export function answersTable(
	questions: { row: PollQuestionRow; answers: PollAnswerRow[] }[],
	affiliations: ReadonlyMap<string, string>
): Table {
	return {
		sheetName: 'Antworten',
		columns,
		rows: questions.flatMap(({ row, answers }, index) =>
			answers.map((answer) => [
				index + 1,
				row.prompt,
				questionTypeLabels[row.type],
				answerValue(row, answer),
				answer.hiddenAt ? 'ja' : 'nein',
				affiliations.get(answer.affiliationOrganisationId ?? '') ?? null,
				answer.organisationType ? organisationTypeLabels[answer.organisationType] : null,
				berlinClock(answer.updatedAt)
			])
		)
	};
}

export const answersCsv = (...input: Parameters<typeof answersTable>): string =>
	tableCsv(answersTable(...input));

function xml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

/** A chart as an SVG document with its title and a note on the count and time. */
export function chartSvg(question: PollQuestionRow, result: Tally, at: Date): string {
	const labelSize = 18;
	const width = 880;
	const rows = tallyBars(
		result,
		question.type === 'scale'
			? { minLabel: question.scaleMinLabel ?? '', maxLabel: question.scaleMaxLabel ?? '' }
			: undefined
	);
	const layout = layoutBars(rows, { width: width - 40, labelSize });
	const top = 84;
	const height = top + layout.height + 56;
	const note = [
		respondentsLabel(result.type, result.respondents),
		result.type === 'multiple' ? 'Mehrfachauswahl: Anteile je Person' : '',
		result.type === 'scale' && result.average !== null
			? `Durchschnitt ${formatNumber(result.average)}`
			: '',
		result.type === 'text' ? 'Häufigste Wörter' : '',
		`Stand ${berlinTime.format(at)}`
	]
		.filter(Boolean)
		.join(' · ');
	const bars = layout.rows
		.map((row) => {
			const labels = row.labelLines
				.map(
					(line, index) =>
						`<text x="0" y="${row.labelY[index]}" font-size="${labelSize}">${xml(line)}</text>`
				)
				.join('');
			return (
				labels +
				`<rect x="0" y="${row.barY}" width="${layout.trackWidth}" height="${layout.barHeight}" fill="#eef0f5"/>` +
				`<rect x="0" y="${row.barY}" width="${row.barWidth}" height="${layout.barHeight}" fill="#1c2a5e"/>` +
				`<text x="${row.valueX}" y="${row.barY + layout.barHeight / 2}" dominant-baseline="central" font-size="${labelSize}" font-weight="700">${xml(row.value)}</text>`
			);
		})
		.join('\n');
	// Ids of this chart alone: several charts inlined into one page (a Ratsvorlage, a report)
	// must not share them.
	const id = `umfrage-${question.id.replace(/[^A-Za-z0-9_-]/g, '')}`;
	return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-titel ${id}-beschreibung" font-family="'Fira Sans', Arial, sans-serif" fill="#1a1a1a">
<title id="${id}-titel">${xml(question.prompt)}</title>
<desc id="${id}-beschreibung">${xml(rows.map((row) => `${row.labelLines.join(' ')}: ${row.value}`).join('; '))}</desc>
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="20" y="40" font-size="24" font-weight="700">${xml(question.prompt.length > 70 ? `${shortened(question.prompt, 69)}…` : question.prompt)}</text>
<text x="20" y="68" font-size="16">${xml(note)}</text>
<g transform="translate(20 ${top})">
${bars}
</g>
</svg>
`;
}
