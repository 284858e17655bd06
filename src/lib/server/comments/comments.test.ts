import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { eq } from 'drizzle-orm';
import { recordChanges } from '../db/changes-test-support';
import { createTestDatabase } from '../db/test-database';
import { annotation, annotationReply, user } from '../db/schema';
import { parseForm } from '../http/forms';
import { createDocument, deleteDocument } from '../documents/documents';
import { documentResource, type MemberActor, type Role } from '../policy';
import {
	commentThreads,
	createComment,
	openCommentCount,
	replyToComment,
	setCommentState
} from './comments';
import { NewCommentForm, ReplyForm, maxCommentLength } from './forms';

function anchorAt(index: number): string {
	const ydoc = new Y.Doc();
	const text = ydoc.getText('t');
	text.insert(0, 'Die Menschen, die Rat suchen, sind die wichtigsten Partner.');
	const position = Y.createRelativePositionFromTypeIndex(text, index, -1);
	return Buffer.from(Y.encodeRelativePosition(position)).toString('base64');
}

function setup() {
	const db = createTestDatabase();
	db.insert(user)
		.values([
			{ id: 'anna', email: 'anna@kamen.de', name: 'Anna Arendt', passwordHash: 'x' },
			{ id: 'ben', email: 'ben@unna.de', name: 'Ben Brandt', passwordHash: 'x' }
		])
		.run();
	const doc = createDocument(db, { title: 'Leitbild', kind: 'leitbild', createdBy: null });
	const other = createDocument(db, { title: 'Anderes', kind: 'sonstiges', createdBy: null });
	const thread = (documentId = doc.id, authorId = 'anna') => {
		const result = createComment(db, {
			documentId,
			authorId,
			anchorStart: anchorAt(4),
			anchorEnd: anchorAt(12),
			quote: 'Menschen',
			body: 'Sollen wir hier „Familien“ ergänzen?'
		});
		if (!result.ok) throw new Error(result.message);
		return result.threadId;
	};
	return { db, doc, other, thread };
}

function member(userId: string, role: Role): MemberActor {
	return {
		kind: 'member',
		userId,
		admin: false,
		memberships: [{ organisationId: 'o', roles: [role] }]
	};
}

function form(fields: Record<string, string>) {
	const data = new FormData();
	for (const [key, value] of Object.entries(fields)) data.set(key, value);
	return data;
}

describe('comment forms', () => {
	const valid = {
		anchorStart: anchorAt(4),
		anchorEnd: anchorAt(12),
		quote: '  Menschen\n ',
		body: ' Gut so. '
	};

	it('accepts a selection with a comment, trimmed', () => {
		const parsed = parseForm(NewCommentForm, form(valid));
		expect(parsed).toEqual({
			ok: true,
			value: { ...valid, quote: 'Menschen', body: 'Gut so.' }
		});
	});

	it('refuses an empty selection, an empty or overlong comment and broken anchors', () => {
		const refused = (fields: Record<string, string>) => {
			const parsed = parseForm(NewCommentForm, form({ ...valid, ...fields }));
			return parsed.ok ? 'accepted' : parsed.message;
		};
		expect(refused({ anchorEnd: valid.anchorStart })).toMatch(/markieren Sie zuerst/);
		expect(refused({ quote: '   ' })).toMatch(/markieren Sie zuerst/);
		expect(refused({ anchorStart: '' })).toMatch(/markieren Sie zuerst/);
		expect(refused({ anchorStart: 'kein anker' })).toBe('Diese Textstelle ist ungültig.');
		expect(refused({ anchorStart: 'AAAA' })).toBe('Diese Textstelle ist ungültig.');
		expect(refused({ body: '  ' })).toBe('Bitte schreiben Sie einen Kommentar.');
		expect(refused({ body: 'x'.repeat(maxCommentLength + 1) })).toMatch(/höchstens 2000/);
	});

	it('shortens a very long quote', () => {
		const parsed = parseForm(NewCommentForm, form({ ...valid, quote: 'Wort '.repeat(300) }));
		expect(parsed.ok && parsed.value.quote.length).toBe(500);
		expect(parsed.ok && parsed.value.quote.endsWith('…')).toBe(true);
	});

	it('refuses a reply to no thread', () => {
		expect(parseForm(ReplyForm, form({ threadId: 'x', body: 'Ja' }))).toEqual({
			ok: false,
			message: 'Diesen Kommentar gibt es nicht.'
		});
	});
});

describe('comment threads', () => {
	it('keeps a thread with its replies and names the authors as they are now', () => {
		const { db, doc, thread } = setup();
		const id = thread();
		expect(
			replyToComment(db, { documentId: doc.id, threadId: id, authorId: 'ben', body: 'Ja.' })
		).toMatchObject({ ok: true });
		db.update(user).set({ name: 'Anna Arendt-Berg' }).where(eq(user.id, 'anna')).run();
		const [shown] = commentThreads(db, doc.id);
		expect(shown).toMatchObject({ id, quote: 'Menschen', state: 'open', createdBy: 'anna' });
		expect(shown.messages.map((m) => [m.authorName, m.body])).toEqual([
			['Anna Arendt-Berg', 'Sollen wir hier „Familien“ ergänzen?'],
			['Ben Brandt', 'Ja.']
		]);
	});

	it('forgets the name of a removed account but keeps what was said', () => {
		const { db, doc, thread } = setup();
		thread();
		db.delete(user).where(eq(user.id, 'anna')).run();
		const [shown] = commentThreads(db, doc.id);
		expect(shown.createdBy).toBeNull();
		expect(shown.messages[0]).toMatchObject({ authorId: null, authorName: null });
	});

	it('refuses replies to threads of another document, unknown and resolved threads', () => {
		const { db, doc, other, thread } = setup();
		const foreign = thread(other.id);
		const reply = (threadId: string) =>
			replyToComment(db, { documentId: doc.id, threadId, authorId: 'ben', body: 'Ja.' });
		expect(reply(foreign)).toMatchObject({ ok: false, status: 404 });
		expect(reply(crypto.randomUUID())).toMatchObject({ ok: false, status: 404 });
		const own = thread();
		setCommentState(db, {
			document: documentResource(doc),
			threadId: own,
			actor: member('anna', 'viewer'),
			state: 'resolved'
		});
		expect(reply(own)).toMatchObject({ ok: false, status: 409 });
		expect(db.select().from(annotationReply).all()).toHaveLength(2);
	});

	it('lets the author and moderators resolve and reopen, nobody else', () => {
		const { db, doc, thread } = setup();
		const id = thread();
		const change = (userId: string, role: Role, state: 'open' | 'resolved') =>
			setCommentState(db, {
				document: documentResource(doc),
				threadId: id,
				actor: member(userId, role),
				state
			});
		expect(change('ben', 'viewer', 'resolved')).toMatchObject({ ok: false, status: 403 });
		expect(openCommentCount(db, doc.id)).toBe(1);
		expect(change('anna', 'viewer', 'resolved')).toMatchObject({ ok: true });
		expect(commentThreads(db, doc.id)[0]).toMatchObject({
			state: 'resolved',
			resolvedByName: 'Anna Arendt'
		});
		expect(openCommentCount(db, doc.id)).toBe(0);
		expect(change('ben', 'editor', 'open')).toMatchObject({ ok: true });
		expect(commentThreads(db, doc.id)[0]).toMatchObject({ state: 'open', resolvedAt: null });
	});

	it('goes with its document', () => {
		const { db, doc, thread } = setup();
		thread();
		deleteDocument(db, doc.id);
		expect(db.select().from(annotation).all()).toHaveLength(0);
		expect(db.select().from(annotationReply).all()).toHaveLength(0);
	});
});

describe('comment changes', () => {
	it('tells everyone in the document of a new thread, a reply and a resolved thread', async () => {
		const { db, doc, thread } = setup();
		const told = recordChanges(db);
		const threadId = thread();
		expect(await told()).toEqual([{ topic: 'comments', documentId: doc.id }]);
		replyToComment(db, { documentId: doc.id, threadId, authorId: 'ben', body: 'Ja.' });
		expect(await told()).toEqual([{ topic: 'comments', documentId: doc.id }]);
		setCommentState(db, {
			document: documentResource(doc),
			threadId,
			actor: member('anna', 'viewer'),
			state: 'resolved'
		});
		expect(await told()).toEqual([{ topic: 'comments', documentId: doc.id }]);
	});
});
