import type { Seed } from '../db/seeds';
import { boardsSeed } from '../boards/boards-seed';
import { documentsSeed } from '../documents/documents-seed';
import { eventsSeed } from '../events/events-seed';
import { pollsSeed } from '../polls/polls-seed';
import { organisationsSeed } from '../workspace/organisations-seed';

/** Every seed of the app, in the order they must run. Later features append theirs. */
export function allSeeds(): Seed[] {
	return [organisationsSeed(), documentsSeed(), eventsSeed(), boardsSeed(), pollsSeed()];
}
