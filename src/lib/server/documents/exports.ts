// What every export of a document's text shares: its input (the current text or, later, a named
// version: the version fields are inputs, not lookups), the footer line and the file name.
import { shortHash } from './content-hash';
import { formatDateTime } from '../../format';
import type { PmNode } from '../../editor/pm-node';
import type { DocumentKind } from '../db/schema';
import type { NumberedProposal } from '../proposals/marked-text';
import type { Annex } from '../sources/annex';
import { slugify } from '../slug';
import { withProposalsName } from './export-proposals';

/** An adopting body, for its block on the Selbstverpflichtung's signature page. */
export interface SignatureBody {
	name: string;
}

export interface DocumentExport {
	json: PmNode;
	title: string;
	kind: DocumentKind;
	/** A named version's name; without it the text is the current one ("Aktueller Stand"). */
	versionName?: string;
	/** When the version was frozen; without it, `exportedAt`. */
	frozenAt?: Date;
	/** The version's content hash (hex); shown short. */
	hash?: string;
	/** Bodies for the signature page (Word, PDF and print only); none: no signature page. */
	signatureBodies?: SignatureBody[];
	/** Who the text is from (the Kreis), for the file's properties. */
	organisation?: string;
	/** When the export was made; now unless given. */
	exportedAt?: Date;
	/** "Mit Vorschlägen": the open change proposals, marked in `json` (see markedText) and listed
	 * at the end. Without it the export is the clean text. */
	proposals?: NumberedProposal[];
	/** The annex "Herkunft der Abschnitte", when asked for: it ends the export. */
	provenance?: Annex;
}

export const currentStateName = 'Aktueller Stand';

/** The lines each body fills in on the signature page. */
export const signatureFields = ['Ort', 'Datum', 'Name', 'Amt/Funktion', 'Unterschrift'];

/** Only web and mail links stay links in an export; anything else becomes plain text. */
export function safeHref(href: unknown): string | undefined {
	return typeof href === 'string' && /^(https?:|mailto:)/i.test(href.trim())
		? href.trim()
		: undefined;
}

/** "Leitbild … · Aktueller Stand · 25.11.2026, 14:03 · Prüfwert 3f2a…" */
export function footerLine(input: DocumentExport): string {
	const date = input.frozenAt ?? input.exportedAt ?? new Date();
	return [
		input.title,
		input.versionName ?? currentStateName,
		...(input.proposals ? [withProposalsName] : []),
		formatDateTime(date),
		...(input.hash ? [`Prüfwert ${shortHash(input.hash)}`] : [])
	].join(' · ');
}

/** Whether the text starts with its own title (a level-1 heading); if not, exports add one. */
export function hasTitleHeading(json: PmNode): boolean {
	return (json.content ?? []).some((node) => node.type === 'heading' && node.attrs?.level === 1);
}

/** "leitbild_aktueller-stand_2026-11-25.docx", "selbstverpflichtung_kamen_….docx" */
export function exportFileName(
	input: {
		slug: string;
		versionName?: string;
		bodySlug?: string;
		withProposals?: boolean;
		withProvenance?: boolean;
		date?: Date;
	},
	extension: string
): string {
	const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(
		input.date ?? new Date()
	);
	const parts = [
		input.slug,
		slugify(input.versionName ?? currentStateName, 'fassung'),
		...(input.bodySlug ? [input.bodySlug] : []),
		...(input.withProposals ? [slugify(withProposalsName, 'vorschlaege')] : []),
		...(input.withProvenance ? ['mit-herkunft'] : []),
		day
	];
	return `${parts.join('_')}.${extension}`;
}
