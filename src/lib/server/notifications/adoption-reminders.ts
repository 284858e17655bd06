// Reminders of planned adoption steps to a body's signatories and managers: some days before
// the planned date, and once the date has passed without the step. The dedupe key holds the
// date, so each planned date is reminded once per occasion and person, and a new date again.
import { planLabels } from '$lib/adoption';
import { quoted } from '$lib/german';
import { adoptionOverview } from '../adoption/overview';
import { berlinToday, formatCalendarDate } from '../adoption/calendar';
import type { AppDatabase } from '../db/database';
import { listDocuments } from '../documents/documents';
import { notify } from './mail-parts';
import { organisationPeople } from './people';

export type ReminderOccasion = 'upcoming' | 'overdue';

/** YYYY-MM-DD plus some days, in the calendar (no time zone involved). */
export function addDays(day: string, days: number): string {
	const date = new Date(`${day}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

/** Whether a plan not yet reached is due for a reminder today, and why. */
export function reminderOccasion(
	plannedOn: string,
	today: string,
	daysBefore: number
): ReminderOccasion | null {
	if (plannedOn < today) return 'overdue';
	if (plannedOn <= addDays(today, daysBefore)) return 'upcoming';
	return null;
}

/** Queues the reminders due now; answers how many mails were queued. */
export function queueAdoptionReminders(db: AppDatabase, daysBefore: number, now = new Date()) {
	const today = berlinToday(now);
	let queued = 0;
	for (const document of listDocuments(db)) {
		for (const body of adoptionOverview(db, document.id, now).bodies) {
			const due = body.plans.flatMap((plan) => {
				const occasion = reminderOccasion(plan.plannedOn, today, daysBefore);
				return occasion ? [{ plan, occasion }] : [];
			});
			if (due.length === 0) continue;
			const people = organisationPeople(db, body.organisation.id, ['signatory', 'manager']);
			for (const { plan, occasion } of due) {
				const step = planLabels[plan.stage as keyof typeof planLabels] ?? plan.stage;
				const where = plan.bodyName ? ` (${plan.bodyName})` : '';
				const date = formatCalendarDate(plan.plannedOn);
				const title = quoted(document.title);
				for (const person of people) {
					const sent = notify(db, person, {
						kind: 'adoption-reminder',
						subject:
							occasion === 'upcoming'
								? `Termin am ${date}: ${step} zu ${title}`
								: `Überfällig: ${step} zu ${title} war für den ${date} geplant`,
						paragraphs: [
							occasion === 'upcoming'
								? `für ${body.organisation.name} ist am ${date} dieser Schritt zum Dokument ${title} geplant: ${step}${where}.`
								: `für ${body.organisation.name} war am ${date} dieser Schritt zum Dokument ${title} geplant: ${step}${where}. Bisher ist er nicht eingetragen.`,
							occasion === 'upcoming'
								? 'Bitte tragen Sie das Ergebnis nach der Sitzung ein, oder ändern Sie den Termin, falls er sich verschoben hat.'
								: 'Bitte tragen Sie den Schritt ein, sobald er stattgefunden hat, oder planen Sie einen neuen Termin.'
						],
						action: {
							label: 'Beschlussstand öffnen',
							path: `/beschluesse/${document.slug}/${body.organisation.slug}`
						},
						dedupeKey: [
							'adoption-reminder',
							occasion,
							document.id,
							body.organisation.id,
							plan.stage,
							plan.plannedOn,
							person.id
						].join(':')
					});
					if (sent) queued++;
				}
			}
		}
	}
	return queued;
}
