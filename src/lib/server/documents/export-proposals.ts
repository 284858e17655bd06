// What the exports "mit Vorschlägen" say about each proposal, in every format alike: who made it
// for which organisation, and the list at the end with what each proposes and why.
import { formatDateTime } from '../../format';
import type { NumberedProposal, ProposalMarkAttrs, SetAsideMark } from '../proposals/marked-text';
import { unknownAuthor, unknownOrganisation } from '../proposals/marked-text';

export const proposalListHeading = 'Änderungsvorschläge';
export const withProposalsName = 'mit Vorschlägen';

/** "Stadt Kamen (Erika Muster)": the author Word shows beside a tracked change. */
export function proposalAuthor(mark: Pick<ProposalMarkAttrs, 'organisation' | 'author'>): string {
	return `${mark.organisation} (${mark.author})`;
}

/** "Vorschlag 2: Stadt Kamen (Erika Muster)", where a proposal starts in the text. */
export function proposalLabel(
	mark: Pick<ProposalMarkAttrs, 'number' | 'organisation' | 'author'>
): string {
	return `Vorschlag ${mark.number}: ${proposalAuthor(mark)}`;
}

/** "Vorschlag 2: Stadt Kamen": the short label of a web page, whose list names the person. */
export function proposalShortLabel(mark: ProposalMarkAttrs): string {
	return `Vorschlag ${mark.number}: ${mark.organisation}`;
}

/** What a proposal does to the words, in a sentence. */
export function proposalChange(proposal: { quote: string; text: string }): string {
	if (proposal.quote === '') return `fügt „${proposal.text}“ ein`;
	if (proposal.text === '') return `streicht „${proposal.quote}“`;
	return `ersetzt „${proposal.quote}“ durch „${proposal.text}“`;
}

export interface ProposalListItem {
	number: number;
	/** "Vorschlag 3" */
	title: string;
	/** "Stadt Kamen (Erika Muster), 20.11.2026, 10:01" */
	byline: string;
	/** "ersetzt „…“ durch „…“" */
	change: string;
	/** The same as a sentence: "Ersetzt „…“ durch „…“." */
	changeSentence: string;
	reason: string | null;
	/** Why it is not in the text, if it is not. */
	note: string | null;
}

export const outdatedNote =
	'veraltet: Die Wörter, auf die sich der Vorschlag bezieht, stehen so nicht mehr im Text; er ist deshalb nicht im Text eingezeichnet.';
/** Why a proposal on words an older one changes first is not drawn. */
export function setAsideNote(collidesWith: number | null): string {
	const older = collidesWith ? `der ältere Vorschlag ${collidesWith}` : 'ein älterer Vorschlag';
	return `nicht im Text eingezeichnet: Er betrifft Wörter, die ${older} ändert. Nimmt man alle Vorschläge an (den ältesten zuerst), ist er danach veraltet; einzeln kann er angenommen werden, solange ${older} nicht angenommen ist.`;
}

/** "Vorschlag 4: Stadt Kamen (Erika Muster) betrifft dieselben Wörter, nicht eingezeichnet" */
export function setAsideLabel(mark: SetAsideMark): string {
	return `${proposalLabel(mark)} betrifft dieselben Wörter, nicht eingezeichnet`;
}

export function proposalListItems(proposals: NumberedProposal[]): ProposalListItem[] {
	return proposals.map((proposal) => {
		const change = proposalChange(proposal);
		return {
			number: proposal.number,
			title: `Vorschlag ${proposal.number}`,
			byline: `${proposalAuthor({
				organisation: proposal.organisationName ?? unknownOrganisation,
				author: proposal.authorName ?? unknownAuthor
			})}, ${formatDateTime(new Date(proposal.createdAt))}`,
			change,
			changeSentence: `${change[0].toUpperCase()}${change.slice(1)}.`,
			reason: proposal.reason?.trim() ? proposal.reason.trim() : null,
			note: proposal.outdated
				? outdatedNote
				: proposal.setAside
					? setAsideNote(proposal.collidesWith)
					: null
		};
	});
}
