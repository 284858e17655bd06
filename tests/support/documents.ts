// Documents of a test's own, so archiving, deleting or typing into them disturbs no other test.
import { expect } from '@playwright/test';
import * as Y from 'yjs';
import { postForm, type TestActor } from './actors';
import { queryDatabase } from './database';
import type { AppServer } from './server';

/** Creates a document through the list page's form, as the given editor. */
export async function createDocument(server: AppServer, editor: TestActor, title: string) {
	const response = await postForm(editor.request, server.url, '/dokumente?/create', {
		title,
		kind: 'sonstiges'
	});
	expect(response.status()).toBe(303);
	const slug = response.headers().location.split('/').pop()!;
	const [{ id }] = queryDatabase<{ id: string }>(
		server.dataDir,
		'select id from document where slug = ?',
		slug
	);
	return { id, slug };
}

/** A comment's two anchors (Yjs relative positions, base64), as the editor sends them; they
 * point into a text of their own, which is enough for requests that are refused or stored. */
export function anchorPair() {
	const ydoc = new Y.Doc();
	const text = ydoc.getText('t');
	text.insert(0, 'irgendwo');
	const encode = (index: number) =>
		Buffer.from(
			Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index, -1))
		).toString('base64');
	return { anchorStart: encode(1), anchorEnd: encode(4) };
}
