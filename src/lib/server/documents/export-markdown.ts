// The text as Markdown: headings as `#`, `##`, `###` with their numbers ("## 2 Arbeitsweise"),
// each passage opened by its bold number ("**2.3** Text"), lists, quotes, bold, italic, links.
import type { PmMark, PmNode } from '../../editor/pm-node';
import { passageNumbers } from '../../editor/passages';
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
			.map((m) => [m.type, m.attrs?.href ?? null])
			.sort((a, b) => String(a).localeCompare(String(b)))
	);

function inline(nodes: PmNode[] = []): string {
	// Neighbouring text with the same marks is one run, so "**a****b**" cannot happen.
	const runs: { text: string; marks: PmMark[] }[] = [];
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
	return runs.map((run) => (run.text === '\\\n' ? run.text : wrap(run.text, run.marks))).join('');
}

const indent = (text: string, by: string) =>
	text
		.split('\n')
		.map((line, i) => (i === 0 || line === '' ? line : by + line))
		.join('\n');

function block(node: PmNode, numbers: Map<PmNode, string>, number?: string): string {
	const own = numbers.get(node) ?? number;
	switch (node.type) {
		case 'heading': {
			const level = Number(node.attrs?.level ?? 1);
			const text = inline(node.content);
			return `${'#'.repeat(level)} ${own ? `${own} ` : ''}${text}`;
		}
		case 'paragraph': {
			const text = escapeLineStart(inline(node.content));
			return own ? `**${own}** ${text}` : text;
		}
		case 'blockquote':
			return children(node, numbers, own)
				.split('\n')
				.map((line) => (line === '' ? '>' : `> ${line}`))
				.join('\n');
		case 'bulletList':
		case 'orderedList': {
			const start = Number(node.attrs?.start ?? 1);
			return (node.content ?? [])
				.map((item, i) => {
					const marker = node.type === 'bulletList' ? '- ' : `${start + i}. `;
					const body = children(item, numbers, numbers.get(item));
					return marker + indent(body, ' '.repeat(marker.length));
				})
				.join('\n');
		}
		default:
			return children(node, numbers, own);
	}
}

/** A container's blocks; its number goes to the first of them. */
function children(node: PmNode, numbers: Map<PmNode, string>, number?: string): string {
	return (node.content ?? [])
		.map((child, i) => block(child, numbers, i === 0 ? number : undefined))
		.join('\n\n');
}

export function documentMarkdown(input: DocumentExport): string {
	const numbers = passageNumbers(input.json);
	const title = hasTitleHeading(input.json) ? [] : [`# ${escapeInline(input.title)}`];
	const body = (input.json.content ?? []).map((node) => block(node, numbers));
	return [...title, ...body, '---', `*${escapeInline(footerLine(input))}*`].join('\n\n') + '\n';
}
