// Live co-editing of documents: /collab/document/<id>. Members read, editors write.
import type { LiveDocumentTimings } from '../collab/live-document';
import { createYjsChannel, type YjsChannel } from '../collab/yjs-channel';
import { appendUpdate, loadUpdates, replaceUpdates } from '../collab/update-store';
import type { AppDatabase } from '../db/database';
import { databaseEpoch } from '../db/epoch';
import type { LiveLimits } from '../live-limits';
import { can, documentResource } from '../policy';
import { targetOf } from '../realtime/channel-path';
import { editSessionRecorder } from './activity';
import { findDocument } from './documents';

export function documentChannel(
	db: AppDatabase,
	limits: Pick<LiveLimits, 'documentBytes' | 'presenceStateBytes' | 'presenceDocumentBytes'>,
	timings?: LiveDocumentTimings
): YjsChannel {
	const editSessions = editSessionRecorder(db);
	return createYjsChannel({
		action: 'document:read',
		resource(path) {
			const target = targetOf(path);
			const found = target && findDocument(db, target.id);
			return found ? documentResource(found) : undefined;
		},
		documentName: (resource) => (resource.type === 'document' ? resource.documentId : ''),
		access: (actor, resource) => (can(actor, 'document:write', resource) ? 'write' : 'read'),
		maxStoredBytes: limits.documentBytes,
		presence: {
			stateBytes: limits.presenceStateBytes,
			documentBytes: limits.presenceDocumentBytes
		},
		store: {
			load: (id) => loadUpdates(db, id),
			append: (id, update) => appendUpdate(db, id, update),
			compact: (id, state) => replaceUpdates(db, id, state)
		},
		onClientUpdate(id, userId) {
			if (userId) editSessions.note(id, userId);
		},
		onUnload: (id) => editSessions.flush(id),
		databaseEpoch: () => databaseEpoch(db),
		timings
	});
}
