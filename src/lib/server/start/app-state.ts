// The process-wide application as the start-up pieces share it: configuration, database, live
// channels and periodic tasks. Only start-up code (app.ts and this folder) touches it.
import type { AppConfig } from '../config';
import type { LiveLimits } from '../live-limits';
import type { AppDatabase } from '../db/database';
import type { ThrottleRules } from '../auth/rate-limit';
import type { NewParticipantLimit } from '../events/join-rate';
import type { AppMetrics } from '../metrics/registry';
import type { LiveChannels } from '../realtime/live-channels';
import type { Services } from '../services';
import type { PeriodicTasks } from './periodic-tasks';

export type AppStatus = 'starting' | 'ready' | 'failed';

export interface App {
	status: AppStatus;
	config: AppConfig;
	throttleRules: ThrottleRules;
	liveLimits: LiveLimits;
	newParticipants: NewParticipantLimit;
	/** Recorded from the first request on, also while the app starts. */
	metrics: AppMetrics;
	ready: Promise<void>;
	db?: AppDatabase;
	live?: LiveChannels;
	tasks?: PeriodicTasks;
	services?: Services;
}
