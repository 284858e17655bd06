// Documents of a test's own, so archiving, deleting or typing into them disturbs no other test.
import { expect } from '@playwright/test';
import * as Y from 'yjs';
import { postForm, type TestActor } from './actors';
import { queryDatabase } from './database';
import type { AppServer } from './server';
import { connectDocument, sessionCookie } from './yjs-client';

/** Waits until the server has stored an update of the document: what a test client wrote is on disk. */
export async function documentStored(dataDir: string, documentId: string): Promise<void> {
	await expect
		.poll(
			() =>
				queryDatabase<{ n: number }>(
					dataDir,
					'select count(*) as n from document_update where document_id = ?',
					documentId
				)[0].n,
			{ timeout: 10_000 }
		)
		.toBeGreaterThan(0);
}

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

/** An anchor into a paragraph's words (a Yjs relative position, base64), as the editor sends it. */
export type ParagraphAnchor = (index: number, assoc: number) => string;

/**
 * Writes one paragraph into a document as an editor's browser does, waits until the server has
 * stored it, and returns anchors into its words for the comment and proposal forms.
 */
export async function writeParagraph(
	server: AppServer,
	editor: TestActor,
	documentId: string,
	sentence: string
): Promise<ParagraphAnchor> {
	const client = connectDocument(server.url, documentId, await sessionCookie(editor.request));
	await client.synced;
	const stored = () =>
		queryDatabase<{ n: number }>(
			server.dataDir,
			'select count(*) as n from document_update where document_id = ?',
			documentId
		)[0].n;
	const before = stored();
	client.addParagraph(sentence);
	await expect.poll(() => stored() > before, { timeout: 10_000 }).toBe(true);
	const paragraph = client.ydoc
		.getXmlFragment('default')
		.toArray()
		.find((node) => node instanceof Y.XmlElement && node.toString().includes(sentence));
	const words = (paragraph as Y.XmlElement).get(0) as Y.XmlText;
	client.destroy();
	return (index, assoc) =>
		Buffer.from(
			Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(words, index, assoc))
		).toString('base64');
}

/**
 * A document of the test's own with one paragraph and open proposals on words of it, made
 * through the editor's own form action, as each proposer (an actor of an organisation).
 */
export async function documentWithProposals(
	server: AppServer,
	editor: TestActor,
	title: string,
	sentence: string,
	proposals: { by: TestActor; organisation: string; words: string; text: string }[]
) {
	const document = await createDocument(server, editor, title);
	const anchor = await writeParagraph(server, editor, document.id, sentence);
	for (const proposal of proposals) {
		const from = sentence.indexOf(proposal.words);
		const [{ id: organisationId }] = queryDatabase<{ id: string }>(
			server.dataDir,
			'select id from organisation where slug = ?',
			proposal.organisation
		);
		const response = await postForm(
			proposal.by.request,
			server.url,
			`/dokumente/${document.slug}?/propose`,
			{
				anchorStart: anchor(from, 0),
				anchorEnd: anchor(from + proposal.words.length, -1),
				text: proposal.text,
				organisationId
			}
		);
		expect(response.status()).toBe(200);
	}
	return document;
}
