// Turns the seed texts (a small Markdown subset: headings, paragraphs, bullet and numbered lists,
// quotes, *italic* and **bold**) into ProseMirror JSON of the document schema, each block with
// its stable id.
import type { PmNode } from '../../editor/pm-node';

export type { PmNode };

function inline(text: string): PmNode[] {
	const nodes: PmNode[] = [];
	const pattern = /\*\*(.+?)\*\*|\*(.+?)\*/g;
	let last = 0;
	for (const match of text.matchAll(pattern)) {
		if (match.index > last) nodes.push({ type: 'text', text: text.slice(last, match.index) });
		nodes.push(
			match[1] !== undefined
				? { type: 'text', text: match[1], marks: [{ type: 'bold' }] }
				: { type: 'text', text: match[2], marks: [{ type: 'italic' }] }
		);
		last = match.index + match[0].length;
	}
	if (last < text.length) nodes.push({ type: 'text', text: text.slice(last) });
	return nodes;
}

function block(type: string, attrs: Record<string, unknown> = {}, content?: PmNode[]): PmNode {
	return { type, attrs: { id: crypto.randomUUID(), ...attrs }, ...(content ? { content } : {}) };
}

function paragraph(text: string): PmNode {
	const content = inline(text);
	return block('paragraph', {}, content.length > 0 ? content : undefined);
}

export function markdownToDocument(markdown: string): PmNode {
	const content: PmNode[] = [];
	const paragraphs = markdown.replace(/\r\n/g, '\n').split(/\n{2,}/);
	for (const chunk of paragraphs) {
		const lines = chunk.split('\n').filter((line) => line.trim() !== '');
		if (lines.length === 0) continue;
		const heading = /^(#{1,3})\s+(.*)$/.exec(lines[0]);
		if (heading && lines.length === 1) {
			content.push(block('heading', { level: heading[1].length }, inline(heading[2])));
		} else if (lines.every((line) => /^[-*]\s+/.test(line))) {
			content.push(
				block(
					'bulletList',
					{},
					lines.map((line) => block('listItem', {}, [paragraph(line.replace(/^[-*]\s+/, ''))]))
				)
			);
		} else if (lines.every((line) => /^\d+\.\s+/.test(line))) {
			content.push(
				block(
					'orderedList',
					{ start: 1 },
					lines.map((line) => block('listItem', {}, [paragraph(line.replace(/^\d+\.\s+/, ''))]))
				)
			);
		} else if (lines.every((line) => line.startsWith('>'))) {
			const text = lines.map((line) => line.replace(/^>\s?/, '')).join(' ');
			content.push(block('blockquote', {}, [paragraph(text)]));
		} else {
			content.push(paragraph(lines.join(' ')));
		}
	}
	return { type: 'doc', content };
}
