// What is open for a signatory's bodies: documents with frozen versions but no step yet, a
// version frozen since the body's last step, planned steps that are overdue.
import { listMembershipsOfUser } from '../accounts/members';
import type { AppDatabase } from '../db/database';
import type { AdoptionStage } from '../db/schema';
import { listDocuments } from '../documents/documents';
import { formatCalendarDate } from './calendar';
import { adoptionOverview } from './overview';

export type Reminder =
	| { kind: 'not-started'; versionNumber: number; versionName: string }
	| { kind: 'newer-version'; stepVersionNumber: number; versionNumber: number; versionName: string }
	| { kind: 'overdue'; stage: AdoptionStage; plannedOn: string };

export interface BodyReminders {
	document: { slug: string; title: string };
	organisation: { slug: string; name: string };
	reminders: Reminder[];
}

export function signatoryReminders(
	db: AppDatabase,
	userId: string,
	now = new Date()
): BodyReminders[] {
	const bodies = listMembershipsOfUser(db, userId).filter((m) => m.roles.includes('signatory'));
	if (bodies.length === 0) return [];
	const found: BodyReminders[] = [];
	for (const doc of listDocuments(db)) {
		const overview = adoptionOverview(db, doc.id, now);
		const newest = overview.versions[0];
		if (!newest) continue;
		for (const status of overview.bodies) {
			if (!bodies.some((b) => b.slug === status.organisation.slug)) continue;
			const reminders: Reminder[] = [];
			if (!status.current) {
				reminders.push({
					kind: 'not-started',
					versionNumber: newest.number,
					versionName: newest.name
				});
			} else if (status.newerVersion) {
				reminders.push({
					kind: 'newer-version',
					stepVersionNumber: status.current.versionNumber,
					versionNumber: status.newerVersion.number,
					versionName: status.newerVersion.name
				});
			}
			for (const plan of status.plans.filter((p) => p.overdue)) {
				reminders.push({
					kind: 'overdue',
					stage: plan.stage,
					plannedOn: formatCalendarDate(plan.plannedOn)
				});
			}
			if (reminders.length > 0) {
				found.push({
					document: { slug: doc.slug, title: doc.title },
					organisation: { slug: status.organisation.slug, name: status.organisation.name },
					reminders
				});
			}
		}
	}
	return found;
}
