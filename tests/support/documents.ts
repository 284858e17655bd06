// Documents of a test's own, so archiving, deleting or typing into them disturbs no other test.
import { expect } from '@playwright/test';
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
