import { error } from '@sveltejs/kit';
import { documentForPage } from '$lib/server/http/resource-guards';
import { compareTexts } from '$lib/server/documents/compare';
import { contentHash, shortHash } from '$lib/server/documents/content-hash';
import {
	currentContent,
	findVersion,
	listVersions,
	versionContent
} from '$lib/server/documents/versions';
import { currentLinkedSources, frozenSources } from '$lib/server/sources/linked-sources';
import { passageSourceChanges } from '$lib/server/sources/source-changes';

/** A side of the comparison: a version number, or "aktuell" for the current text. */
function parseSide(value: string | null): number | 'aktuell' | null {
	if (value === null || value === '') return null;
	if (value === 'aktuell') return 'aktuell';
	if (/^[1-9][0-9]{0,5}$/.test(value)) return Number(value);
	error(404, 'Diese Fassung gibt es nicht.');
}

export function load(event) {
	const { db } = event.locals.services;
	const found = documentForPage(db, event);
	const versions = listVersions(db, found.id);
	const choices = versions.map((v) => ({ number: v.number, name: v.name }));
	const params = event.url.searchParams;
	const from = parseSide(params.get('von')) ?? versions[0]?.number ?? null;
	const to = parseSide(params.get('bis')) ?? 'aktuell';
	const view = params.get('ansicht') === 'nebeneinander' ? 'nebeneinander' : 'inline';
	const onlyChanges = params.get('nur') === 'aenderungen';
	if (from === null) return { choices, comparison: null, from, to, view, onlyChanges };

	function side(which: number | 'aktuell') {
		if (which === 'aktuell') {
			const json = currentContent(db, found.id);
			return {
				label: 'Aktueller Text',
				json,
				shortHash: shortHash(contentHash(json)),
				links: currentLinkedSources(db, found.id)
			};
		}
		const version = findVersion(db, found.id, which);
		if (!version) error(404, `Fassung ${which} gibt es in diesem Dokument nicht.`);
		return {
			label: `Fassung ${version.number}: ${version.name}`,
			json: versionContent(version),
			shortHash: shortHash(version.contentHash),
			links: frozenSources(version)
		};
	}
	const older = side(from);
	const newer = side(to);
	// A version frozen before links were recorded has none to compare with.
	const sources =
		older.links && newer.links
			? {
					note: null,
					passages: passageSourceChanges(
						{ json: older.json, links: older.links },
						{ json: newer.json, links: newer.links }
					)
				}
			: {
					note: 'Die Quellen aus Konferenzen lassen sich hier nicht vergleichen: Eine der Fassungen wurde festgehalten, bevor Quellen mit den Fassungen gespeichert wurden.',
					passages: []
				};
	return {
		choices,
		from,
		to,
		view,
		onlyChanges,
		comparison: {
			older: { label: older.label, shortHash: older.shortHash },
			newer: { label: newer.label, shortHash: newer.shortHash },
			...compareTexts(older.json, newer.json),
			sources
		}
	};
}
