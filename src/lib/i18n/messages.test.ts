import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseLocale, intlLocaleOf, participantLocales } from './locales';

const messagesDir = path.resolve(import.meta.dirname, '../../../messages');
const settings = JSON.parse(
	readFileSync(path.resolve(import.meta.dirname, '../../../project.inlang/settings.json'), 'utf8')
) as {
	baseLocale: string;
	locales: string[];
	'plugin.inlang.messageFormat': { pathPattern: string[] };
};
const areas = readdirSync(messagesDir, { withFileTypes: true })
	.filter((entry) => entry.isDirectory())
	.map((entry) => entry.name)
	.sort();

type Variant = { declarations?: string[]; selectors?: string[]; match: Record<string, string> };
type Message = string | Variant[];

function read(area: string, locale: string): Record<string, Message> {
	return JSON.parse(readFileSync(path.join(messagesDir, area, `${locale}.json`), 'utf8')) as Record<
		string,
		Message
	>;
}

/** The placeholders a message fills in, from its text or all its variants' texts. */
function placeholders(message: Message): string[] {
	const texts =
		typeof message === 'string' ? [message] : message.flatMap((v) => Object.values(v.match));
	const names = texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((found) => found[1]));
	const inputs =
		typeof message === 'string'
			? []
			: message.flatMap((v) =>
					(v.declarations ?? []).filter((d) => d.startsWith('input ')).map((d) => d.slice(6))
				);
	return [...new Set([...names, ...inputs])].filter((name) => !name.endsWith('Plural')).sort();
}

describe('participant messages', () => {
	it('the project compiles every area in the languages the pages offer', () => {
		expect(settings.baseLocale).toBe(baseLocale);
		expect(settings.locales).toEqual([...participantLocales]);
		expect([...settings['plugin.inlang.messageFormat'].pathPattern].sort()).toEqual(
			areas.map((area) => `./messages/${area}/{locale}.json`)
		);
	});

	for (const area of areas) {
		const german = read(area, baseLocale);
		for (const locale of participantLocales.filter((l) => l !== baseLocale)) {
			it(`${area}: ${locale} has every key of German and no other, with the same placeholders`, () => {
				const translated = read(area, locale);
				expect(Object.keys(translated).sort()).toEqual(Object.keys(german).sort());
				for (const [key, message] of Object.entries(translated)) {
					expect(placeholders(message), `${area}/${locale}: ${key}`).toEqual(
						placeholders(german[key])
					);
					if (typeof message === 'string') {
						expect(message.trim(), `${area}/${locale}: ${key} is empty`).not.toBe('');
					}
				}
			});

			it(`${area}: ${locale} plurals name every case the language has`, () => {
				const categories = new Intl.PluralRules(intlLocaleOf(locale)).resolvedOptions()
					.pluralCategories;
				for (const [key, message] of Object.entries(read(area, locale))) {
					if (typeof message === 'string') continue;
					const cases = message.flatMap((v) =>
						Object.keys(v.match).map((selector) => selector.split('=')[1])
					);
					for (const category of categories) {
						expect(cases, `${area}/${locale}: ${key} lacks "${category}"`).toContain(category);
					}
				}
			});
		}
	}
});
