// What runs beside the requests: the retention sweep, the daily check of reminders, the OParl
// sync and the mail sender. Each runs once at start-up, then on its timer.
import type { AppConfig } from '../config';
import type { AppDatabase } from '../db/database';
import { forgetQuietKeys } from '../auth/rate-limit';
import { forgetOldJoinTrust } from '../events/joining';
import { purgeExpiredParticipants } from '../events/participants';
import { log, errorFields } from '../log';
import { MailSender, type MailDeliveryObserver } from '../mail/sender';
import {
	dailyCheckIntervalMs,
	notificationScheduleFromEnv,
	runDailyCheck
} from '../notifications/daily-check';
import { startOparlSync } from '../oparl/sync';

export interface PeriodicTasks {
	/** Stops the timers and lets the mail being sent finish. */
	stop(): Promise<void>;
}

const retentionSweepMs = 6 * 60 * 60 * 1000;

/** Participant identities of long-archived events go; their anonymous results stay. */
function purgeParticipants(db: AppDatabase, config: AppConfig): void {
	try {
		const deleted = purgeExpiredParticipants(db, config.participantRetentionDays);
		if (deleted > 0) log.info('participants.purged', { deleted });
	} catch (err) {
		log.error('participants.purge_failed', errorFields(err));
	}
}

/** Failure counts quiet for a day and old trust in join codes go, so that a script trying
 * thousands of e-mail addresses or codes leaves nothing behind for long. */
function forgetOldThrottles(db: AppDatabase): void {
	try {
		const forgotten = forgetQuietKeys(db) + forgetOldJoinTrust(db);
		if (forgotten > 0) log.info('throttle.forgotten', { rows: forgotten });
	} catch (err) {
		log.error('throttle.forget_failed', errorFields(err));
	}
}

/** Mail left in the outbox from before a restart goes out now; new mail as it is queued. */
function startMail(
	db: AppDatabase,
	config: AppConfig,
	observer?: MailDeliveryObserver
): MailSender | undefined {
	if (!config.mail) return undefined;
	if (!config.publicOriginConfigured) {
		log.warn('mail.origin_guessed', {
			origin: config.publicOrigin,
			hint: 'Set ORIGIN, or links in e-mails point to this guess.'
		});
	}
	const sender = new MailSender(db, config.mail, undefined, observer);
	sender.start();
	log.info('mail.on', { from: config.mail.from });
	return sender;
}

export function startPeriodicTasks(
	db: AppDatabase,
	config: AppConfig,
	mailObserver?: MailDeliveryObserver
): PeriodicTasks {
	purgeParticipants(db, config);
	forgetOldThrottles(db);
	const retentionTimer = setInterval(() => {
		purgeParticipants(db, config);
		forgetOldThrottles(db);
	}, retentionSweepMs);
	retentionTimer.unref();
	const schedule = notificationScheduleFromEnv();
	runDailyCheck(db, schedule);
	const dailyCheckTimer = setInterval(() => runDailyCheck(db, schedule), dailyCheckIntervalMs);
	dailyCheckTimer.unref();
	const oparlTimer = startOparlSync(db, config.oparl);
	const mailSender = startMail(db, config, mailObserver);
	return {
		async stop() {
			clearInterval(retentionTimer);
			clearInterval(dailyCheckTimer);
			await mailSender?.stop();
			if (oparlTimer) clearInterval(oparlTimer);
		}
	};
}
