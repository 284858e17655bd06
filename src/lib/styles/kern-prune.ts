// Drops the parts of KERN's compiled CSS that nothing in the app can match: rules whose
// selectors name a `kern-` class that no source file mentions, and `--kern-` tokens that no rule
// and no source file reads. KERN ships every variant of every component and hundreds of tokens;
// a phone should not download the ones the app never shows.

/** What the app's sources reveal: every `kern-` class, `data-kern-` attribute and token they
 * name. */
export interface KernUsage {
	classes: Set<string>;
	attributes: Set<string>;
	/** Class prefixes the sources complete at run time, such as `kern-alert--{tone}`. */
	classPrefixes: string[];
	tokens: Set<string>;
}

export function kernUsage(sources: Iterable<string>): KernUsage {
	const usage: KernUsage = {
		classes: new Set(),
		attributes: new Set(),
		classPrefixes: [],
		tokens: new Set()
	};
	for (const source of sources) {
		for (const [name] of source.matchAll(/(?<!-)kern-[\w-]+/g)) usage.classes.add(name);
		// `kern-alert--{tone}` in Svelte, `kern-alert--${tone}` in TypeScript.
		for (const [, prefix] of source.matchAll(/(?<!-)(kern-[\w-]+)(?=\$?\{)/g)) {
			usage.classPrefixes.push(prefix);
		}
		for (const [name] of source.matchAll(/--kern-[\w-]+/g)) usage.tokens.add(name);
		for (const [name] of source.matchAll(/data-kern-[\w-]+/g)) usage.attributes.add(name);
	}
	return usage;
}

type Node =
	| { kind: 'rule'; selector: string; body: string }
	| { kind: 'block'; prelude: string; children: Node[] }
	/** Statements, comments and blocks whose inside is not selectors (keyframes, font faces). */
	| { kind: 'raw'; text: string };

/** Index after the string, comment or bracketed part that starts at `i`, or `i + 1`. */
function skip(css: string, i: number): number {
	const char = css[i];
	if (char === '"' || char === "'") {
		let j = i + 1;
		while (j < css.length && css[j] !== char) j += css[j] === '\\' ? 2 : 1;
		return j + 1;
	}
	if (char === '/' && css[i + 1] === '*') {
		const end = css.indexOf('*/', i + 2);
		return end < 0 ? css.length : end + 2;
	}
	if (char === '(') {
		let j = i + 1;
		while (j < css.length && css[j] !== ')') j = skip(css, j);
		return j + 1;
	}
	return i + 1;
}

/** Index of the first of `stops` at the top level from `i` on (or the end). */
function scanTo(css: string, i: number, stops: string): number {
	while (i < css.length && !stops.includes(css[i])) i = skip(css, i);
	return i;
}

function parse(css: string): Node[] {
	const nodes: Node[] = [];
	let i = 0;
	while (i < css.length) {
		while (i < css.length && /\s/.test(css[i])) i++;
		if (i >= css.length) break;
		if (css.startsWith('/*', i)) {
			const end = skip(css, i);
			nodes.push({ kind: 'raw', text: css.slice(i, end) });
			i = end;
			continue;
		}
		const stop = scanTo(css, i, '{;}');
		const prelude = css.slice(i, stop).trim();
		if (css[stop] !== '{') {
			if (prelude) nodes.push({ kind: 'raw', text: `${prelude};` });
			i = stop + 1;
			continue;
		}
		let end = stop + 1;
		let depth = 1;
		while (end < css.length && depth > 0) {
			if (css[end] === '{') depth++;
			else if (css[end] === '}') depth--;
			end = depth === 0 ? end : skip(css, end);
		}
		const inside = css.slice(stop + 1, end);
		if (!prelude.startsWith('@')) nodes.push({ kind: 'rule', selector: prelude, body: inside });
		else if (/^@(media|supports|layer|container)\b/.test(prelude)) {
			nodes.push({ kind: 'block', prelude, children: parse(inside) });
		} else nodes.push({ kind: 'raw', text: `${prelude}{${inside}}` });
		i = end + 1;
	}
	return nodes;
}

function splitTopLevel(text: string, separator: string): string[] {
	const parts: string[] = [];
	let start = 0;
	let i = 0;
	while (i < text.length) {
		if (text[i] === separator) {
			parts.push(text.slice(start, i));
			start = i + 1;
			i++;
		} else i = skip(text, i);
	}
	parts.push(text.slice(start));
	return parts;
}

/** A selector can match only if every class and `data-kern-` attribute it requires is one the
 * app uses (such as KERN's `[data-kern-theme=dark]`, which the app never sets). Those inside
 * `:not()`, `:is()`, `:where()` and the like need not all be there, so only classes outside
 * them count. */
function canMatch(selector: string, usage: KernUsage): boolean {
	let required = selector;
	for (let before = ''; before !== required;) {
		before = required;
		required = required.replace(/:[\w-]+\([^()]*\)/g, '');
	}
	for (const [, name] of required.matchAll(/\.(kern-[\w-]+)/g)) {
		if (usage.classes.has(name)) continue;
		if (usage.classPrefixes.some((prefix) => name.startsWith(prefix))) continue;
		return false;
	}
	for (const [, name] of required.matchAll(/\[\s*(data-kern-[\w-]+)/g)) {
		if (!usage.attributes.has(name)) return false;
	}
	return true;
}

function pruneSelectors(nodes: Node[], usage: KernUsage): Node[] {
	return nodes.flatMap((node): Node[] => {
		if (node.kind === 'rule') {
			const kept = splitTopLevel(node.selector, ',').filter((s) => canMatch(s, usage));
			return kept.length > 0 ? [{ ...node, selector: kept.map((s) => s.trim()).join(',') }] : [];
		}
		if (node.kind === 'block') {
			const children = pruneSelectors(node.children, usage);
			return children.some((child) => child.kind !== 'raw') ? [{ ...node, children }] : [];
		}
		return [node];
	});
}

function tokenReads(nodes: Node[], into: Set<string>): Set<string> {
	for (const node of nodes) {
		const text = node.kind === 'rule' ? node.body : node.kind === 'raw' ? node.text : node.prelude;
		for (const [, name] of text.matchAll(/var\(\s*(--kern-[\w-]+)/g)) into.add(name);
		if (node.kind === 'block') tokenReads(node.children, into);
	}
	return into;
}

function pruneTokens(nodes: Node[], read: Set<string>): Node[] {
	return nodes.flatMap((node): Node[] => {
		if (node.kind === 'rule') {
			const declarations = splitTopLevel(node.body, ';').filter((declaration) => {
				const name = /^\s*(--kern-[\w-]+)\s*:/.exec(declaration)?.[1];
				return declaration.trim() !== '' && (!name || read.has(name));
			});
			return declarations.length > 0 ? [{ ...node, body: declarations.join(';') }] : [];
		}
		if (node.kind === 'block') {
			const children = pruneTokens(node.children, read);
			return children.some((child) => child.kind !== 'raw') ? [{ ...node, children }] : [];
		}
		return [node];
	});
}

function print(nodes: Node[]): string {
	return nodes
		.map((node) => {
			if (node.kind === 'rule') return `${node.selector}{${node.body}}`;
			if (node.kind === 'block') return `${node.prelude}{${print(node.children)}}`;
			return node.text;
		})
		.join('\n');
}

export function pruneKern(css: string, usage: KernUsage): string {
	let nodes = pruneSelectors(parse(css), usage);
	// A token read only by a dropped token is unused too: repeat until nothing more goes.
	for (;;) {
		const read = tokenReads(nodes, new Set(usage.tokens));
		const pruned = pruneTokens(nodes, read);
		const done = print(pruned) === print(nodes);
		nodes = pruned;
		if (done) return print(nodes);
	}
}
