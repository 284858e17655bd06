// Live comments, change proposals and conference sources of a document:
// /collab/comments/<documentId>. Whenever a thread, a proposal or a passage's link to a source
// changes, everyone in the document gets the threads, proposals and links, and each what they may
// do. All are written through the document page's form actions; the change feed says when.
import type { AppDatabase } from '../db/database';
import { documentPushChannel, type DocumentPushChannel } from '../documents/document-push-channel';
import { can } from '../policy';
import { documentProposals } from '../proposals/proposals';
import { listPassageSources } from '../sources/passage-sources';
import { commentThreads } from './comments';

export type CommentChannel = DocumentPushChannel;

export function commentChannel(db: AppDatabase): CommentChannel {
	return documentPushChannel(db, {
		name: 'comments',
		state(documentId) {
			const threads = commentThreads(db, documentId);
			const proposals = documentProposals(db, documentId);
			const sources = listPassageSources(db, documentId);
			return ({ actor, resource }) => ({
				threads,
				proposals,
				sources,
				canComment: can(actor, 'document:comment', resource),
				canPropose: can(actor, 'document:propose', resource),
				// Editors resolve and reopen any thread, and decide proposals; authors their own.
				canModerate: can(actor, 'document:write', resource),
				canLinkSources: can(actor, 'document:link-sources', resource)
			});
		}
	});
}
