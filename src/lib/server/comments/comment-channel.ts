// Live comments and change proposals of a document: /collab/comments/<documentId>. Whenever a
// thread or a proposal changes, everyone in the document gets the threads and proposals, and
// each what they may do. Both are written through the document page's form actions, which then
// call publish().
import type { AppDatabase } from '../db/database';
import { documentPushChannel, type DocumentPushChannel } from '../documents/document-push-channel';
import { can } from '../policy';
import { documentProposals } from '../proposals/proposals';
import { commentThreads } from './comments';

export type CommentChannel = DocumentPushChannel;

export function commentChannel(db: AppDatabase): CommentChannel {
	return documentPushChannel(db, {
		name: 'comments',
		state(documentId) {
			const threads = commentThreads(db, documentId);
			const proposals = documentProposals(db, documentId);
			return ({ actor, resource }) => ({
				threads,
				proposals,
				canComment: can(actor, 'document:comment', resource),
				canPropose: can(actor, 'document:propose', resource),
				// Editors resolve and reopen any thread, and decide proposals; authors their own.
				canModerate: can(actor, 'document:write', resource)
			});
		}
	});
}
