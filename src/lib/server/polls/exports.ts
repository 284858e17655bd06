// The poll's numbers for the documentation: every answer as CSV (anonymous: no participant, only
// the stated affiliation) and each chart as a standalone SVG file, drawn from the same layout as
// the pages.
import { organisationTypeLabels } from '$lib/events';
import { count } from '$lib/german';
import { formatNumber, layoutBars, tallyBars } from '$lib/polls/bar-chart';
import { questionTypeLabels } from '$lib/polls/labels';
import type { Tally } from '$lib/polls/types';
import { csvField } from '../csv';
import type { PollAnswerRow, PollQuestionRow } from '../db/schema';
import { shortened } from '../text/user-text';

export { csvField };

const berlinTime = new Intl.DateTimeFormat('sv-SE', {
	timeZone: 'Europe/Berlin',
	dateStyle: 'short',
	timeStyle: 'medium'
});

function answerText(question: PollQuestionRow, answer: PollAnswerRow): string {
	switch (question.type) {
		case 'single':
		case 'multiple':
			return (answer.choices ?? []).map((index) => question.options[index] ?? '?').join(' | ');
		case 'ranking':
			return (answer.choices ?? [])
				.map((index, place) => `${place + 1}. ${question.options[index] ?? '?'}`)
				.join(' | ');
		case 'scale':
			return answer.scaleValue === null ? '' : String(answer.scaleValue);
		case 'text':
			return answer.hiddenAt ? '' : (answer.text ?? '');
	}
}

export const csvHeader = [
	'Nr.',
	'Frage',
	'Art',
	'Antwort',
	'Ausgeblendet',
	'Kommune oder Kreis',
	'Art der Organisation',
	'Zeitpunkt (Europe/Berlin)'
];

/** Semicolons and a byte-order mark, which German spreadsheet programs expect. */
export function answersCsv(
	questions: { row: PollQuestionRow; answers: PollAnswerRow[] }[],
	affiliations: ReadonlyMap<string, string>
): string {
	const lines = [csvHeader];
	questions.forEach(({ row, answers }, index) => {
		for (const answer of answers) {
			lines.push([
				String(index + 1),
				row.prompt,
				questionTypeLabels[row.type],
				answerText(row, answer),
				answer.hiddenAt ? 'ja' : 'nein',
				affiliations.get(answer.affiliationOrganisationId ?? '') ?? '',
				answer.organisationType ? organisationTypeLabels[answer.organisationType] : '',
				berlinTime.format(answer.updatedAt)
			]);
		}
	});
	return '\uFEFF' + lines.map((line) => line.map(csvField).join(';')).join('\r\n') + '\r\n';
}

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
		count(result.respondents, 'Antwort', 'Antworten'),
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
	return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="title desc" font-family="'Fira Sans', Arial, sans-serif" fill="#1a1a1a">
<title id="title">${xml(question.prompt)}</title>
<desc id="desc">${xml(rows.map((row) => `${row.labelLines.join(' ')}: ${row.value}`).join('; '))}</desc>
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="20" y="40" font-size="24" font-weight="700">${xml(question.prompt.length > 70 ? `${shortened(question.prompt, 69)}…` : question.prompt)}</text>
<text x="20" y="68" font-size="16">${xml(note)}</text>
<g transform="translate(20 ${top})">
${bars}
</g>
</svg>
`;
}
