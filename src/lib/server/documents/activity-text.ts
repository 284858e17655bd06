// Activity entries in German sentences, with people named as they are now and bodies with the
// article their name needs; no pronoun that assumes who someone is.
import { documentStatusLabels } from '../../documents';
import { count, forBody, quoted } from '../../german';
import type { ActivityEntry } from './activity';

export function personName(userId: string | null, names: Map<string, string>): string {
	if (!userId) return 'Jemand';
	return names.get(userId) ?? 'ehemaliges Mitglied';
}

const proposalActions: Record<string, string> = {
	new: 'eine Änderung vorgeschlagen',
	reply: 'auf einen Änderungsvorschlag geantwortet',
	accepted: 'einen Änderungsvorschlag angenommen',
	rejected: 'einen Änderungsvorschlag abgelehnt',
	open: 'die Entscheidung über einen Änderungsvorschlag zurückgenommen',
	withdrawn: 'einen Änderungsvorschlag zurückgezogen'
};

const consensusActions: Record<string, string> = {
	agree: 'einem Abschnitt zugestimmt',
	concern: 'Bedenken zu einem Abschnitt angemeldet',
	withdrawn: 'eine Rückmeldung zu einem Abschnitt zurückgenommen'
};

const commentActions: Record<string, string> = {
	new: 'einen Kommentar geschrieben',
	reply: 'auf einen Kommentar geantwortet',
	resolved: 'einen Kommentar als erledigt markiert',
	open: 'einen Kommentar wieder geöffnet'
};

export function describeActivity(entry: ActivityEntry, names: Map<string, string>): string {
	const who = personName(entry.userId, names);
	const version =
		entry.versionNumber !== null
			? `Fassung ${entry.versionNumber} ${quoted(entry.versionName ?? '')}`
			: 'eine Fassung';
	switch (entry.kind) {
		case 'edit':
			return `${who} hat den Text bearbeitet (${count(entry.changes, 'Eingabe', 'Eingaben')})`;
		case 'freeze':
			return `${who} hat ${version} festgehalten`;
		case 'restore':
			return `${who} hat ${version} wiederhergestellt`;
		case 'comment':
			return `${who} hat ${commentActions[entry.detail ?? 'new'] ?? commentActions.new}`;
		case 'proposal':
			return `${who} hat ${proposalActions[entry.detail ?? 'new'] ?? proposalActions.new}`;
		case 'consensus': {
			// Entries from before bodies were recorded name none.
			const body = entry.organisationName
				? forBody(entry.organisationName)
				: 'für eine Körperschaft';
			const action = consensusActions[entry.detail ?? 'agree'] ?? consensusActions.agree;
			return `${who} hat ${body} ${action}`;
		}
		case 'status': {
			const label =
				documentStatusLabels[entry.detail as keyof typeof documentStatusLabels] ?? entry.detail;
			return `${who} hat den Stand auf ${quoted(label ?? '')} gesetzt`;
		}
	}
}

/** The line under a shortened feed: "und 1 weiterer Eintrag", "und 2 weitere Einträge"; none for 0. */
export function moreEntries(hidden: number): string | null {
	return hidden > 0 ? `und ${count(hidden, 'weiterer Eintrag', 'weitere Einträge')}` : null;
}
