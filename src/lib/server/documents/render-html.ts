// A document's text as HTML, from its ProseMirror JSON: the nodes and marks of the one schema
// (src/lib/editor/extensions.ts). Everything is escaped; links keep only the address schemes the
// editor allows.
import type { PmNode } from './markdown';

const escapes: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (char) => escapes[char]);
}

function safeHref(href: unknown): string | null {
	if (typeof href !== 'string') return null;
	return /^(https?:|mailto:)/i.test(href.trim()) ? href.trim() : null;
}

function renderText(node: PmNode): string {
	let html = escapeHtml(node.text ?? '');
	for (const mark of node.marks ?? []) {
		if (mark.type === 'bold') html = `<strong>${html}</strong>`;
		else if (mark.type === 'italic') html = `<em>${html}</em>`;
		else if (mark.type === 'link') {
			const href = safeHref(mark.attrs?.href);
			if (href) html = `<a href="${escapeHtml(href)}">${html}</a>`;
		}
	}
	return html;
}

function renderChildren(node: PmNode): string {
	return (node.content ?? []).map(renderNode).join('');
}

export function renderNode(node: PmNode): string {
	switch (node.type) {
		case 'doc':
			return renderChildren(node);
		case 'text':
			return renderText(node);
		case 'hardBreak':
			return '<br>';
		case 'paragraph':
			return `<p>${renderChildren(node)}</p>`;
		case 'heading': {
			const level = Math.min(Math.max(Number(node.attrs?.level) || 1, 1), 3);
			return `<h${level}>${renderChildren(node)}</h${level}>`;
		}
		case 'bulletList':
			return `<ul>${renderChildren(node)}</ul>`;
		case 'orderedList': {
			const start = Number(node.attrs?.start) || 1;
			return `<ol${start !== 1 ? ` start="${start}"` : ''}>${renderChildren(node)}</ol>`;
		}
		case 'listItem':
			return `<li>${renderChildren(node)}</li>`;
		case 'blockquote':
			return `<blockquote>${renderChildren(node)}</blockquote>`;
		default:
			// A node this renderer does not know keeps at least its text.
			return renderChildren(node);
	}
}

/** The HTML of a whole document (without page frame). */
export function documentHtml(json: PmNode): string {
	return renderNode(json);
}
