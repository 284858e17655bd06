// Activity entries in German sentences, with people named as they are now.
import { documentStatusLabels } from '../../documents';
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
	agree: 'für ihre Körperschaft einem Abschnitt zugestimmt',
	concern: 'für ihre Körperschaft Bedenken zu einem Abschnitt angemeldet',
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
			? `Fassung ${entry.versionNumber} „${entry.versionName}“`
			: 'eine Fassung';
	switch (entry.kind) {
		case 'edit':
			return `${who} hat den Text bearbeitet (${entry.changes === 1 ? '1 Eingabe' : `${entry.changes} Eingaben`})`;
		case 'freeze':
			return `${who} hat ${version} festgehalten`;
		case 'restore':
			return `${who} hat ${version} wiederhergestellt`;
		case 'comment':
			return `${who} hat ${commentActions[entry.detail ?? 'new'] ?? commentActions.new}`;
		case 'proposal':
			return `${who} hat ${proposalActions[entry.detail ?? 'new'] ?? proposalActions.new}`;
		case 'consensus':
			return `${who} hat ${consensusActions[entry.detail ?? 'agree'] ?? consensusActions.agree}`;
		case 'status': {
			const label =
				documentStatusLabels[entry.detail as keyof typeof documentStatusLabels] ?? entry.detail;
			return `${who} hat den Stand auf „${label}“ gesetzt`;
		}
	}
}
