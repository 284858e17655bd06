// The text as Markdown: headings as `#`, `##`, `###` with their numbers ("## 2 Arbeitsweise"),
// each passage opened by its bold number ("**2.3** Text"), lists, quotes, bold, italic, links,
// tables as GitHub-flavoured tables (a numbered row's number opens its first cell).
// An ordered list of passages becomes a bullet list: its items' one number is the passage number.
// With proposals: CriticMarkup ({--gestrichen--}, {++eingefügt++}, {~~alt~>neu~~}), each
// change attributed in a comment ({>>…<<}) after it, and their list at the end. The annex
// "Herkunft der Abschnitte", when asked for, comes last.
import type { PmMark, PmNode } from '../../editor/pm-node';
import { passageNumbers } from '../../editor/passages';
import { proposalMarks, type ProposalMarkAttrs } from '../proposals/marked-text';
import {
	proposalLabel,
	proposalListHeading,
	setAsideLabel,
	proposalListItems,
	type ProposalListItem
} from './export-proposals';
import { annexHeading, annexIntro, type Annex } from '../sources/annex';
import { footerLine, hasTitleHeading, safeHref, type DocumentExport } from './exports';

/** Characters that would turn text into Markdown syntax anywhere in a line. */
function escapeInline(text: string): string {
	return text.replace(/([\\`*_[\]<>])/g, '\\$1');
}

/** Line starts that would turn text into a heading, list or quote. */
function escapeLineStart(line: string): string {
	return line.replace(/^(\s*)([#>+-]|\d+[.)])/, (_, space: string, mark: string) =>
		/^\d/.test(mark) ? `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}` : `${space}\\${mark}`
	);
}

const markOrder = ['link', 'bold', 'italic'];

function wrap(text: string, marks: PmMark[]): string {
	// Delimiters must touch the words: spaces go outside them.
	const [, lead, core, trail] = /^(\s*)(.*?)(\s*)$/s.exec(text)!;
	if (core === '') return text;
	let out = escapeInline(core);
	for (const mark of [...marks].sort(
		(a, b) => markOrder.indexOf(b.type) - markOrder.indexOf(a.type)
	)) {
		if (mark.type === 'bold') out = `**${out}**`;
		else if (mark.type === 'italic') out = `*${out}*`;
		else if (mark.type === 'link') {
			const href = safeHref(mark.attrs?.href);
			if (href) out = `[${out}](<${href.replace(/[<>\s]/g, encodeURIComponent)}>)`;
		}
	}
	return `${lead}${out}${trail}`;
}

const markKey = (marks: PmMark[] = []) =>
	JSON.stringify(
		marks
			.map((m) => [m.type, m.attrs?.href ?? m.attrs?.number ?? null])
			.sort((a, b) => String(a).localeCompare(String(b)))
	);

/** Characters that would end a CriticMarkup span early. */
const escapeCritic = (text: string) => text.replace(/([{}~])/g, '\\$1');

interface Run {
	text: string;
	marks: PmMark[];
}

/** Runs with their proposal marks as CriticMarkup, each change followed by a comment naming its
 * proposal and body; a deletion followed by the same proposal's insertion is one substitution. */
function criticMarkup(runs: Run[], labelled: Set<number>): string {
	let out = '';
	const attribution = (mark: ProposalMarkAttrs) => {
		// The proposals set aside for this one are named once, where it starts.
		const setAside = labelled.has(mark.number) ? [] : mark.setAside.map(setAsideLabel);
		labelled.add(mark.number);
		return `{>>${escapeCritic([proposalLabel(mark), ...setAside].join('; '))}<<}`;
	};
	for (let i = 0; i < runs.length; i++) {
		const run = runs[i];
		if (run.text === '\\\n') {
			out += run.text;
			continue;
		}
		const { deletion, insertion, others } = proposalMarks(run.marks);
		const body = escapeCritic(wrap(run.text, others));
		if (deletion) {
			const next = runs[i + 1] ? proposalMarks(runs[i + 1].marks) : undefined;
			if (next?.insertion?.number === deletion.number) {
				const inserted = escapeCritic(wrap(runs[i + 1].text, next.others));
				out += `{~~${body}~>${inserted}~~}${attribution(deletion)}`;
				i++;
			} else out += `{--${body}--}${attribution(deletion)}`;
		} else if (insertion) out += `{++${body}++}${attribution(insertion)}`;
		else out += wrap(run.text, others);
	}
	return out;
}

function inline(nodes: PmNode[] = [], labelled: Set<number>): string {
	// Neighbouring text with the same marks is one run, so "**a****b**" cannot happen.
	const runs: Run[] = [];
	for (const node of nodes) {
		if (node.type === 'hardBreak') {
			runs.push({ text: '\\\n', marks: [] });
			continue;
		}
		const last = runs.at(-1);
		if (last && last.text !== '\\\n' && markKey(last.marks) === markKey(node.marks)) {
			last.text += node.text ?? '';
		} else runs.push({ text: node.text ?? '', marks: node.marks ?? [] });
	}
	return criticMarkup(runs, labelled);
}

const indent = (text: string, by: string) =>
	text
		.split('\n')
		.map((line, i) => (i === 0 || line === '' ? line : by + line))
		.join('\n');

interface Context {
	numbers: Map<PmNode, string>;
	/** Proposals already attributed with the ones set aside for them. */
	labelled: Set<number>;
}

function block(node: PmNode, context: Context, number?: string): string {
	const own = context.numbers.get(node) ?? number;
	switch (node.type) {
		case 'heading': {
			const level = Number(node.attrs?.level ?? 1);
			const text = inline(node.content, context.labelled);
			return `${'#'.repeat(level)} ${own ? `${own} ` : ''}${text}`;
		}
		case 'paragraph': {
			const text = escapeLineStart(inline(node.content, context.labelled));
			return own ? `**${own}** ${text}` : text;
		}
		case 'blockquote':
			return children(node, context, own)
				.split('\n')
				.map((line) => (line === '' ? '>' : `> ${line}`))
				.join('\n');
		case 'bulletList':
		case 'orderedList': {
			const start = Number(node.attrs?.start ?? 1);
			const numbered =
				node.type === 'orderedList' &&
				!(node.content ?? []).some((item) => context.numbers.has(item));
			return (node.content ?? [])
				.map((item, i) => {
					const marker = numbered ? `${start + i}. ` : '- ';
					const body = children(item, context, context.numbers.get(item));
					return marker + indent(body, ' '.repeat(marker.length));
				})
				.join('\n');
		}
		case 'table':
			return table(node, context);
		default:
			return children(node, context, own);
	}
}

const isHeaderRow = (row: PmNode) =>
	(row.content ?? []).every((cell) => cell.type === 'tableHeader');

/** A cell on one line: its blocks and line breaks as <br>, its pipes escaped. */
function tableCell(cell: PmNode, context: Context, number?: string): string {
	return children(cell, context, number)
		.replace(/\\\n/g, '<br>')
		.replace(/\n+/g, '<br>')
		.replace(/\|/g, '\\|');
}

/** A GFM table. GFM has no merged cells: a cell spanning columns is followed by empty ones, and
 * a table without header row gets an empty one (GFM requires one). */
function table(node: PmNode, context: Context): string {
	const rows = (node.content ?? []).map((row) =>
		(row.content ?? []).flatMap((cell, i) => [
			tableCell(cell, context, i === 0 ? context.numbers.get(row) : undefined),
			...Array<string>(Math.max(Number(cell.attrs?.colspan ?? 1), 1) - 1).fill('')
		])
	);
	const columns = Math.max(1, ...rows.map((cells) => cells.length));
	const line = (cells: string[]) =>
		`| ${[...cells, ...Array<string>(columns - cells.length).fill('')].join(' | ')} |`;
	const header = node.content?.[0] && isHeaderRow(node.content[0]) ? rows.shift()! : [];
	return [line(header), line(Array<string>(columns).fill('---')), ...rows.map(line)].join('\n');
}

/** A container's blocks; its number goes to the first of them. */
function children(node: PmNode, context: Context, number?: string): string {
	return (node.content ?? [])
		.map((child, i) => block(child, context, i === 0 ? number : undefined))
		.join('\n\n');
}

function proposalItem(item: ProposalListItem): string {
	const lines = [
		`- **${item.title}** – ${escapeInline(item.byline)}: ${escapeInline(item.change)}.`,
		...(item.reason ? [`  Begründung: ${escapeInline(item.reason)}`] : []),
		...(item.note ? [`  *${escapeInline(item.note)}*`] : [])
	];
	// Two trailing spaces: a line break inside the list item.
	return lines.join('  \n');
}

function proposalList(items: ProposalListItem[]): string[] {
	return [
		`## ${proposalListHeading}`,
		items.length ? items.map(proposalItem).join('\n') : 'Keine offenen Vorschläge.'
	];
}

function provenanceAnnex(annex: Annex): string[] {
	return [
		`## ${annexHeading}`,
		escapeInline(annexIntro),
		...(annex.note ? [escapeInline(annex.note)] : []),
		...annex.passages.flatMap((passage) => [
			`### ${escapeInline(passage.title)}`,
			passage.sources.map((line) => `- ${escapeInline(line)}`).join('\n')
		])
	];
}

export function documentMarkdown(input: DocumentExport): string {
	const context: Context = { numbers: passageNumbers(input.json), labelled: new Set() };
	const title = hasTitleHeading(input.json) ? [] : [`# ${escapeInline(input.title)}`];
	const body = (input.json.content ?? []).map((node) => block(node, context));
	const proposals = input.proposals ? proposalList(proposalListItems(input.proposals)) : [];
	const annex = input.provenance ? provenanceAnnex(input.provenance) : [];
	return (
		[...title, ...body, ...proposals, ...annex, '---', `*${escapeInline(footerLine(input))}*`].join(
			'\n\n'
		) + '\n'
	);
}
