// The process-wide application as the start-up pieces share it: configuration, database, live
// channels and periodic tasks. Only start-up code (app.ts and this folder) touches it.
import type { AppConfig } from '../config';
import type { LiveLimits } from '../live-limits';
import type { AppDatabase } from '../db/database';
import type { ThrottleRules } from '../auth/rate-limit';
import type { NewParticipantLimit } from '../events/join-rate';
import type { EventPresence } from '../realtime/event-presence';
import type { RealtimeServer } from '../realtime/realtime-server';
import type { YjsChannel } from '../collab/yjs-channel';
import type { BoardChannel } from '../boards/board-channel';
import type { PollChannel } from '../polls/poll-channel';
import type { CommentChannel } from '../comments/comment-channel';
import type { ConsensusChannel } from '../consensus/consensus-channel';
import type { Services } from '../services';
import type { PeriodicTasks } from './periodic-tasks';

export type AppStatus = 'starting' | 'ready' | 'failed';

export interface App {
	status: AppStatus;
	config: AppConfig;
	throttleRules: ThrottleRules;
	liveLimits: LiveLimits;
	newParticipants: NewParticipantLimit;
	ready: Promise<void>;
	db?: AppDatabase;
	realtime?: RealtimeServer;
	documents?: YjsChannel;
	boards?: BoardChannel;
	polls?: PollChannel;
	presence?: EventPresence;
	comments?: CommentChannel;
	consensus?: ConsensusChannel;
	tasks?: PeriodicTasks;
	services?: Services;
}
