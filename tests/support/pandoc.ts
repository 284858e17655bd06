// Word files as pandoc reads them, the converter integrators put between a Word file and a
// council information system: Markdown with `#` headings where the file's headings are real.
import { execFileSync } from 'node:child_process';

export function pandocMarkdown(docx: Buffer): string {
	try {
		// Tracked changes rejected: the text as it stands, whatever proposals it carries.
		return execFileSync(
			'pandoc',
			['-f', 'docx', '-t', 'markdown-smart', '--wrap=none', '--track-changes=reject'],
			{ input: docx, encoding: 'utf8' }
		);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
			throw new Error('pandoc fehlt: apt-get install -y pandoc', { cause: error });
		}
		throw error;
	}
}

/** The heading lines: "## 1 Präambel". */
export function markdownHeadings(markdown: string): string[] {
	return markdown.split('\n').filter((line) => /^#{1,6} /.test(line));
}

/** The numbers a reader sees before a text on the first line that holds it ("**2.1** …" gives
 * ["2.1"], "1. **2.1** …" gives ["1", "2.1"]); undefined where no line holds it. */
export function numbersBefore(markdown: string, text: string): string[] | undefined {
	const line = markdown.split('\n').find((candidate) => candidate.includes(text));
	if (line === undefined) return undefined;
	return line.slice(0, line.indexOf(text)).match(/\d+(?:\.\d+)*/g) ?? [];
}
