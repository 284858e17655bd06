// Comment threads as the server sends them to the document page.

export interface CommentMessage {
	id: string;
	authorId: string | null;
	/** Null when the account no longer exists. */
	authorName: string | null;
	body: string;
	createdAt: number;
}

export interface CommentThread {
	id: string;
	kind: 'comment';
	/** Base64 of Yjs relative positions: see $lib/editor/comment-anchors. */
	anchorStart: string;
	anchorEnd: string;
	/** The words as they were when the thread began. */
	quote: string;
	state: 'open' | 'resolved';
	createdBy: string | null;
	createdAt: number;
	resolvedByName: string | null;
	resolvedAt: number | null;
	messages: CommentMessage[];
}

export const maxCommentLength = 2000;
