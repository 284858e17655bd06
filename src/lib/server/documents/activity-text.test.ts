import { describe, expect, it } from 'vitest';
import type { ActivityEntry } from './activity';
import { describeActivity, moreEntries } from './activity-text';

const names = new Map([
	['tom', 'Tom Schulte'],
	['ina', 'Ina Berg']
]);

function entry(fields: Partial<ActivityEntry>): ActivityEntry {
	const at = new Date('2026-03-02T10:00:00Z');
	return {
		id: 1,
		documentId: 'doc',
		kind: 'edit',
		userId: 'tom',
		startedAt: at,
		endedAt: at,
		changes: 0,
		versionId: null,
		detail: null,
		organisationId: null,
		versionNumber: null,
		versionName: null,
		organisationName: null,
		...fields
	};
}

describe('describeActivity', () => {
	it('counts edits in the singular for 1 and the plural for 0 and 2', () => {
		expect([0, 1, 2].map((changes) => describeActivity(entry({ changes }), names))).toEqual([
			'Tom Schulte hat den Text bearbeitet (0 Eingaben)',
			'Tom Schulte hat den Text bearbeitet (1 Eingabe)',
			'Tom Schulte hat den Text bearbeitet (2 Eingaben)'
		]);
	});

	it('names the body a signatory spoke for, with its article, for anyone', () => {
		for (const userId of ['tom', 'ina']) {
			expect(
				describeActivity(
					entry({
						kind: 'consensus',
						userId,
						detail: 'concern',
						organisationName: 'Stadt Bergkamen'
					}),
					names
				)
			).toBe(
				`${names.get(userId)} hat für die Stadt Bergkamen Bedenken zu einem Abschnitt angemeldet`
			);
		}
		expect(
			describeActivity(
				entry({ kind: 'consensus', detail: 'agree', organisationName: 'Kreis Unna' }),
				names
			)
		).toBe('Tom Schulte hat für den Kreis Unna einem Abschnitt zugestimmt');
		expect(describeActivity(entry({ kind: 'consensus', detail: 'withdrawn' }), names)).toBe(
			'Tom Schulte hat für eine Körperschaft eine Rückmeldung zu einem Abschnitt zurückgenommen'
		);
	});

	it('never puts a quotation inside another of the same kind', () => {
		expect(
			describeActivity(
				entry({ kind: 'freeze', versionNumber: 3, versionName: 'Entwurf „Teilhabe“' }),
				names
			)
		).toBe('Tom Schulte hat Fassung 3 „Entwurf ‚Teilhabe‘“ festgehalten');
		expect(describeActivity(entry({ kind: 'status', detail: 'entwurf' }), names)).toMatch(
			/^Tom Schulte hat den Stand auf „[^„“]+“ gesetzt$/
		);
	});
});

describe('moreEntries', () => {
	it('says how many entries a shortened feed leaves out, in the right number', () => {
		expect([0, 1, 2].map(moreEntries)).toEqual([
			null,
			'und 1 weiterer Eintrag',
			'und 2 weitere Einträge'
		]);
	});
});
