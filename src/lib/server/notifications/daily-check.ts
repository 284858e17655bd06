// The daily check of the mails nobody's click causes: adoption reminders and the weekly digest.
// It runs at start-up and then every hour; the dedupe keys make each reminder and each week's
// digest go out once however often it runs, and a server that was down at midnight catches up.
import { berlinToday } from '../adoption/calendar';
import type { AppDatabase } from '../db/database';
import { errorFields, log } from '../log';
import { mailIsOn } from '../mail/outbox';
import { queueAdoptionReminders } from './adoption-reminders';
import { isoWeek, isoWeekday, queueWeeklyDigests } from './weekly-digest';

export interface NotificationSchedule {
	/** Days before a planned adoption step when its reminder goes out. */
	reminderDaysBefore: number;
	/** The ISO weekday of the digest (1 Monday … 7 Sunday); a later day of the week catches up. */
	digestWeekday: number;
}

export const dailyCheckIntervalMs = 60 * 60 * 1000;

function integerIn(value: string | undefined, min: number, max: number, fallback: number): number {
	const number = Number(value);
	return value !== undefined &&
		value.trim() !== '' &&
		Number.isInteger(number) &&
		number >= min &&
		number <= max
		? number
		: fallback;
}

export function notificationScheduleFromEnv(
	env: NodeJS.ProcessEnv = process.env
): NotificationSchedule {
	return {
		reminderDaysBefore: integerIn(env.MAIL_REMINDER_DAYS_BEFORE, 0, 365, 7),
		digestWeekday: integerIn(env.MAIL_DIGEST_WEEKDAY, 1, 7, 1)
	};
}

export function runDailyCheck(db: AppDatabase, schedule: NotificationSchedule, now = new Date()) {
	if (!mailIsOn()) return;
	try {
		const reminders = queueAdoptionReminders(db, schedule.reminderDaysBefore, now);
		const today = berlinToday(now);
		const digests =
			isoWeekday(today) >= schedule.digestWeekday ? queueWeeklyDigests(db, now, isoWeek(today)) : 0;
		if (reminders + digests > 0) log.info('mail.daily_check', { reminders, digests });
	} catch (err) {
		log.error('mail.daily_check_failed', errorFields(err));
	}
}
