// A document's live state on which only the server speaks (/collab/<kind>/<documentId>): each
// reader gets the state made for them when they connect, when their rights change and whenever
// the change feed says the state changed. What is written goes through form actions.
import type { AppDatabase } from '../db/database';
import { documentResource } from '../policy';
import { targetOf } from '../realtime/channel-path';
import { PushChannel, refusal } from '../realtime/push-channel';
import type { ChannelContext } from '../realtime/realtime-server';
import { findDocument } from './documents';

/** A reader is known by their connection's actor and the document as they may see it. */
type Reader = Pick<ChannelContext, 'actor' | 'resource'>;

export type DocumentPushChannel = PushChannel<Reader>;

export function documentPushChannel(
	db: AppDatabase,
	options: {
		/** For the log: what failed to publish. */
		name: string;
		/** The state of a document: what all readers share is read once, then shaped per reader. */
		state(documentId: string): (reader: Reader) => object;
	}
): DocumentPushChannel {
	return new PushChannel<Reader>({
		name: options.name,
		action: 'document:read',
		resource(path) {
			const target = targetOf(path);
			const found = target && findDocument(db, target.id);
			return found ? documentResource(found) : undefined;
		},
		viewer: ({ actor, resource }) =>
			resource.type === 'document'
				? { group: resource.documentId, viewer: { actor, resource } }
				: refusal(4404, 'Nicht gefunden'),
		state(documentId) {
			const stateFor = options.state(documentId);
			return (reader) => JSON.stringify({ type: 'state', ...stateFor(reader) });
		},
		foldMs: 0
	});
}
