// Consensus per passage: a signatory marks a passage for their own body, everyone in the document
// sees it at once, a change of the passage makes the mark outdated; nobody speaks for a body they
// do not sign for; the overview lists open concerns and a frozen version keeps the state. Content
// passages are marked, headings show their section's state unless the editors count them too.
import { expectNoAxeViolations } from './support/axe';
import type { Page } from '@playwright/test';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { postForm, type TestActor } from './support/actors';
import { queryDatabase } from './support/database';
import { createDocument, documentStored } from './support/documents';
import { expect, openPage, pageAs, test } from './support/fixtures';
import type { AppServer } from './support/server';
import { connectDocument, sessionCookie } from './support/yjs-client';

function organisationId(server: AppServer, slug: string): string {
	return queryDatabase<{ id: string }>(
		server.dataDir,
		'select id from organisation where slug = ?',
		slug
	)[0].id;
}

function marksOf(server: AppServer, documentId: string) {
	return queryDatabase<{ organisation_id: string; state: string; note: string | null }>(
		server.dataDir,
		'select organisation_id, state, note from passage_consensus where document_id = ? order by rowid',
		documentId
	);
}

/** The indicator of the (only) passage 1, in the margin of a document's text. */
function indicatorOf(page: Page) {
	return page.getByRole('button', { name: /^Abschnitt 1:/ });
}

/** A document of its own with one passage whose block id is known: written by a Yjs client, as
 * the editor writes it. */
async function documentWithPassage(
	server: AppServer,
	editor: TestActor,
	title: string,
	words: string
) {
	const { id, slug } = await createDocument(server, editor, title);
	const blockId = crypto.randomUUID();
	const client = connectDocument(server.url, id, await sessionCookie(editor.request));
	await client.synced;
	const paragraph = new Y.XmlElement('paragraph');
	paragraph.setAttribute('id', blockId);
	paragraph.insert(0, [new Y.XmlText(words)]);
	client.ydoc.getXmlFragment('default').push([paragraph]);
	await documentStored(server.dataDir, id);
	client.destroy();
	return { id, slug, blockId };
}

/** A document of its own with a section: heading "Präambel", two paragraphs and a list item,
 * written by a Yjs client as the editor writes it. */
async function documentWithSection(server: AppServer, editor: TestActor, title: string) {
	const { id, slug } = await createDocument(server, editor, title);
	const ids = {
		heading: crypto.randomUUID(),
		passages: [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()]
	};
	const block = (type: string, words: string, blockId = crypto.randomUUID()) => {
		const element = new Y.XmlElement(type);
		element.setAttribute('id', blockId);
		element.insert(0, [new Y.XmlText(words)]);
		return element;
	};
	const heading = block('heading', 'Präambel', ids.heading);
	heading.setAttribute('level', 2 as unknown as string);
	const first = block('paragraph', 'Armut schränkt Chancen ein.', ids.passages[0]);
	const second = block('paragraph', 'Wir handeln gemeinsam.', ids.passages[1]);
	const item = new Y.XmlElement('listItem');
	item.setAttribute('id', ids.passages[2]);
	item.insert(0, [block('paragraph', 'Wir beraten ohne Hürden.')]);
	const list = new Y.XmlElement('bulletList');
	list.insert(0, [item]);
	const client = connectDocument(server.url, id, await sessionCookie(editor.request));
	await client.synced;
	client.ydoc.getXmlFragment('default').push([heading, first, second, list]);
	await documentStored(server.dataDir, id);
	client.destroy();
	return { id, slug, ...ids };
}

test('signatories agree to content passages; a heading shows its section, unless the editors count headings', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	const { id, slug, heading, passages } = await documentWithSection(
		server,
		actors.editor,
		'Konsensprobe Überschriften'
	);
	const kamen = organisationId(server, 'kamen');
	const consent = (blockId: string) =>
		postForm(actors.signatory.request, server.url, `/dokumente/${slug}?/consent`, {
			blockId,
			organisationId: kamen,
			state: 'agree',
			note: ''
		});
	const signatory = await pageAs(browser, actors.signatory, baseURL!);
	const editor = await pageAs(browser, actors.editor, baseURL!);
	try {
		await openPage(signatory.page, `/dokumente/${slug}`);
		const text = signatory.page.getByRole('textbox', { name: /Text von/ });
		await expect(text).toContainText('Wir beraten ohne Hürden.');
		// Three content passages to mark; the heading is no passage of its own.
		for (const number of ['1.1', '1.2', '1.3']) {
			await expect(
				signatory.page.getByRole('button', { name: new RegExp(`^Abschnitt ${number}:`) })
			).toContainText('0 von 11 einverstanden');
		}
		await expect(signatory.page.getByRole('button', { name: /^Abschnitt 1:/ })).toHaveCount(0);
		const section = text.locator('[data-consensus-section="1"]');
		await expect(section).toContainText('Abschnitt 1 (1.1–1.3): 0 von 11 einverstanden');

		// Kamen agrees to two passages: the section waits for the third.
		await signatory.page.getByRole('button', { name: /^Abschnitt 1\.1:/ }).click();
		const dialog = signatory.page.getByRole('dialog', { name: /Abschnitt 1\.1: Rückmeldungen/ });
		await dialog.getByLabel('einverstanden').check();
		await dialog.getByRole('button', { name: 'Rückmeldung speichern' }).click();
		await expect(dialog.getByRole('status')).toContainText('zu Abschnitt 1.1 ist gespeichert');
		await signatory.page.keyboard.press('Escape');
		expect((await consent(passages[1])).status()).toBe(200);
		await expect(section).toContainText('Abschnitt 1 (1.1–1.3): 0 von 11 einverstanden');
		expect((await consent(passages[2])).status()).toBe(200);
		await expect(section).toContainText('Abschnitt 1 (1.1–1.3): 1 von 11 einverstanden');

		// A mark on the heading is refused while headings do not count.
		const onHeading = await consent(heading);
		expect(onHeading.status()).toBe(409);
		expect(await onHeading.text()).toContain('Überschriften zählen in diesem Dokument nicht mit.');

		await openPage(editor.page, `/dokumente/${slug}/konsens`);
		await expect(editor.page.getByText(/Abschnitten haben die Zustimmung/)).toHaveText(
			/^0 von 3 Abschnitten haben die Zustimmung aller 11 Körperschaften/
		);
		const sectionRow = editor.page
			.getByRole('region', { name: 'Stand je Überschrift' })
			.getByRole('row')
			.filter({ hasText: 'Präambel' });
		await expect(sectionRow).toContainText('1.1–1.3');
		await expect(sectionRow).toContainText('1 von 11');

		// A signatory may not change what counts; nothing changes.
		const refused = await postForm(
			actors.signatory.request,
			server.url,
			`/dokumente/${slug}/konsens?/consensusSettings`,
			{ countHeadings: 'on' }
		);
		expect(refused.status()).toBe(403);
		const setting = () =>
			queryDatabase<{ on: number }>(
				server.dataDir,
				'select consensus_counts_headings as "on" from document where id = ?',
				id
			)[0].on;
		expect(setting()).toBe(0);

		// The editor counts headings: N grows, and the signatory's open text follows at once.
		await editor.page.getByLabel(/^Überschriften mitzählen/).check();
		await editor.page.getByRole('button', { name: 'Einstellung speichern' }).click();
		await expect(editor.page.getByRole('status').filter({ hasText: 'Gespeichert.' })).toBeVisible();
		expect(setting()).toBe(1);
		await expect(editor.page.getByText(/Abschnitten haben die Zustimmung/)).toHaveText(
			/^0 von 4 Abschnitten haben die Zustimmung aller 11 Körperschaften/
		);
		await expect(sectionRow).toContainText('1–1.3');
		await expect(sectionRow).toContainText('0 von 11');
		await expect(signatory.page.getByRole('button', { name: /^Abschnitt 1:/ })).toContainText(
			'0 von 11 einverstanden'
		);
		await expect(section).toHaveCount(0);
		expect((await consent(heading)).status()).toBe(200);
		await expect(signatory.page.getByRole('button', { name: /^Abschnitt 1:/ })).toContainText(
			'1 von 11 einverstanden'
		);

		// Off again: the heading's mark stays stored, does not count, and the overview says so.
		await editor.page.getByLabel(/^Überschriften mitzählen/).uncheck();
		await editor.page.getByRole('button', { name: 'Einstellung speichern' }).click();
		await expect(editor.page.getByText(/Abschnitten haben die Zustimmung/)).toHaveText(
			/^0 von 3 Abschnitten/
		);
		await expect(sectionRow).toContainText('1.1–1.3');
		await expect(sectionRow).toContainText('1 von 11');
		await expect(editor.page.getByRole('note')).toContainText(
			'1 Rückmeldung zu einer Überschrift ist gespeichert, zählt aber nicht mit.'
		);
		await expect(section).toContainText('Abschnitt 1 (1.1–1.3): 1 von 11 einverstanden');
		expect(marksOf(server, id)).toHaveLength(4);
		await expectNoAxeViolations(editor.page);
	} finally {
		await signatory.close();
		await editor.close();
	}
});

test('a consensus mark appears in the other browser without reloading, and goes to "veraltet" after the paragraph changes', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	const { id, slug } = await createDocument(server, actors.editor, 'Konsensprobe live');
	const sentence = 'Wir handeln gemeinsam.';
	const editor = await pageAs(browser, actors.editor, baseURL!);
	const signatory = await pageAs(browser, actors.signatory, baseURL!);
	try {
		await openPage(editor.page, `/dokumente/${slug}`);
		await expect(editor.page.getByRole('status').filter({ hasText: 'Verbunden' })).toBeVisible();
		const text = editor.page.getByRole('textbox', { name: /Text von/ });
		await text.click();
		await editor.page.keyboard.type(sentence);
		await expect(indicatorOf(editor.page)).toContainText('0 von 11 einverstanden');

		await openPage(signatory.page, `/dokumente/${slug}`);
		await expect(signatory.page.getByRole('textbox', { name: /Text von/ })).toContainText(sentence);
		// The keyboard path: the indicator is a button; Enter opens the passage's dialog.
		await expect(indicatorOf(signatory.page)).toContainText('0 von 11 einverstanden');
		await signatory.page.getByRole('textbox', { name: /Text von/ }).focus();
		await signatory.page.keyboard.press('Tab');
		await expect(indicatorOf(signatory.page)).toBeFocused();
		await signatory.page.keyboard.press('Enter');
		const dialog = signatory.page.getByRole('dialog', { name: /Abschnitt 1: Rückmeldungen/ });
		await expect(dialog).toBeVisible();
		await expect(dialog).toContainText('Sie zeichnen für Stadt Kamen.');
		await expect(dialog.getByRole('listitem').filter({ hasText: 'Stadt Kamen' })).toContainText(
			'keine Rückmeldung'
		);
		await dialog.getByLabel('einverstanden').check();
		await dialog.getByRole('button', { name: 'Rückmeldung speichern' }).click();
		await expect(dialog.getByRole('status')).toContainText(
			'Die Rückmeldung von Stadt Kamen zu Abschnitt 1 ist gespeichert.'
		);
		await expectNoAxeViolations(signatory.page);

		// Live in the editor's browser, which did not reload.
		await expect(indicatorOf(editor.page)).toContainText('1 von 11 einverstanden');
		expect(marksOf(server, id)).toEqual([
			{ organisation_id: organisationId(server, 'kamen'), state: 'agree', note: null }
		]);

		// The editor changes the paragraph: the agreement is outdated, in both browsers.
		await text.click();
		await editor.page.keyboard.press('ControlOrMeta+End');
		await editor.page.keyboard.type(' Ab sofort.');
		for (const page of [editor.page, signatory.page]) {
			await expect(indicatorOf(page)).toContainText('0 von 11 einverstanden · 1 veraltet');
		}
		await expect(dialog.getByRole('listitem').filter({ hasText: 'Stadt Kamen' })).toContainText(
			'veraltet (zuvor einverstanden)'
		);
		await signatory.page.keyboard.press('Escape');
		await expect(dialog).toBeHidden();
		await expect(indicatorOf(signatory.page)).toBeFocused();
	} finally {
		await editor.close();
		await signatory.close();
	}
});

test('a signatory speaks only for their own body; people without the right are refused', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	const { id, slug, blockId } = await documentWithPassage(
		server,
		actors.editor,
		'Konsensprobe Rechte',
		'Die Beratung ist kostenfrei.'
	);
	const path = `/dokumente/${slug}?/consent`;
	const kamen = organisationId(server, 'kamen');
	const unna = organisationId(server, 'unna');
	const consent = (actor: TestActor, fields: Record<string, string>) =>
		postForm(actor.request, server.url, path, { blockId, state: 'agree', note: '', ...fields });

	// Kamen's signatory claims to speak for Unna: refused, nothing written.
	const forUnna = await consent(actors.signatory, { organisationId: unna });
	expect(forUnna.status()).toBe(403);
	expect(await forUnna.text()).toContain('Sie zeichnen nicht für Kreisstadt Unna.');
	// Viewers, editors and the admin (no signatory) may not mark at all.
	for (const actor of [actors.viewer, actors.editor, actors.admin]) {
		expect((await consent(actor, { organisationId: kamen })).status()).toBe(403);
	}
	// A passage that is not in the text.
	const unknown = await consent(actors.signatory, {
		organisationId: kamen,
		blockId: crypto.randomUUID()
	});
	expect(unknown.status()).toBe(404);
	expect(marksOf(server, id)).toEqual([]);

	// Kamen's concern, with a note: on the overview's list of open concerns, for every member.
	const concern = await consent(actors.signatory, {
		organisationId: kamen,
		state: 'concern',
		note: 'Kostenfrei für wen? Bitte genauer fassen.'
	});
	expect(concern.status()).toBe(200);
	expect(marksOf(server, id)).toEqual([
		{
			organisation_id: kamen,
			state: 'concern',
			note: 'Kostenfrei für wen? Bitte genauer fassen.'
		}
	]);
	const viewer = await pageAs(browser, actors.viewer, baseURL!);
	try {
		await openPage(viewer.page, `/dokumente/${slug}/konsens`);
		const concerns = viewer.page.getByRole('region', { name: 'Offene Bedenken' });
		const item = concerns.getByRole('listitem');
		await expect(item).toHaveCount(1);
		await expect(item).toContainText('Abschnitt 1 – Stadt Kamen');
		await expect(item).toContainText('Kostenfrei für wen? Bitte genauer fassen.');
		await expect(item).toContainText('Sina Zeichnung');
		await expect(
			viewer.page.getByRole('row').filter({ hasText: 'Die Beratung ist kostenfrei.' })
		).toContainText('0 von 11');

		// From the list to the passage in the text, its dialog open; a viewer only reads there.
		await item.getByRole('link', { name: 'Abschnitt 1 im Text ansehen' }).click();
		const dialog = viewer.page.getByRole('dialog', { name: /Abschnitt 1: Rückmeldungen/ });
		await expect(dialog.getByRole('listitem').filter({ hasText: 'Stadt Kamen' })).toContainText(
			'Bedenken'
		);
		await expect(dialog).toContainText('Kostenfrei für wen? Bitte genauer fassen.');
		await expect(dialog.getByRole('button', { name: 'Rückmeldung speichern' })).toHaveCount(0);
	} finally {
		await viewer.close();
	}

	// Archived: read-only, for signatories too.
	const archived = await postForm(actors.editor.request, server.url, '/dokumente?/archive', {
		documentId: id
	});
	expect([200, 303]).toContain(archived.status());
	expect((await consent(actors.signatory, { organisationId: kamen })).status()).toBe(403);
	expect(marksOf(server, id)).toHaveLength(1);
});

test('a frozen version shows the consensus as it was, and stays so after a withdrawal', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	const { id, slug, blockId } = await documentWithPassage(
		server,
		actors.editor,
		'Konsensprobe Fassung',
		'Wir berichten jährlich im Kreistag.'
	);
	const kamen = organisationId(server, 'kamen');
	const concern = await postForm(
		actors.signatory.request,
		server.url,
		`/dokumente/${slug}?/consent`,
		{ blockId, organisationId: kamen, state: 'concern', note: 'Halbjährlich wäre besser.' }
	);
	expect(concern.status()).toBe(200);
	const frozen = await postForm(
		actors.editor.request,
		server.url,
		`/dokumente/${slug}/fassungen?/freeze`,
		{ name: 'Entwurf mit Rückmeldungen' }
	);
	expect([200, 303]).toContain(frozen.status());

	const withdrawn = await postForm(
		actors.signatory.request,
		server.url,
		`/dokumente/${slug}?/withdrawConsent`,
		{ blockId, organisationId: kamen }
	);
	expect(withdrawn.status()).toBe(200);
	expect(marksOf(server, id).map((mark) => mark.state)).toEqual(['concern', 'withdrawn']);

	const viewer = await pageAs(browser, actors.viewer, baseURL!);
	try {
		await openPage(viewer.page, `/dokumente/${slug}/fassungen/1`);
		const section = viewer.page.getByRole('region', {
			name: 'Rückmeldungen der Körperschaften zu dieser Fassung'
		});
		const row = section.getByRole('row').filter({ hasText: 'Wir berichten jährlich' });
		await expect(row).toContainText('0 von 11');
		await expect(row).toContainText('Stadt Kamen: Bedenken – „Halbjährlich wäre besser.“');
		await expectNoAxeViolations(viewer.page);

		// The current overview no longer has the concern.
		await openPage(viewer.page, `/dokumente/${slug}/konsens`);
		await expect(viewer.page.getByText('Zu keinem Abschnitt sind Bedenken offen.')).toBeVisible();
		await expect(
			viewer.page.getByRole('row').filter({ hasText: 'Wir berichten jährlich' })
		).toContainText('0 von 11');
	} finally {
		await viewer.close();
	}
});

test('the consensus channel is for members only', async ({ server }) => {
	const [{ id }] = queryDatabase<{ id: string }>(
		server.dataDir,
		"select id from document where slug = 'leitbild'"
	);
	const socket = new WebSocket(`${server.url.replace(/^http/, 'ws')}/collab/consensus/${id}`, {
		origin: server.url
	});
	const outcome = await new Promise<string>((resolve) => {
		socket.on('unexpected-response', (_request, response) => resolve(String(response.statusCode)));
		socket.on('open', () => resolve('offen'));
		socket.on('error', () => resolve('Fehler'));
	});
	socket.terminate();
	expect(outcome).toBe('401');
});
