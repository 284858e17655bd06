// The DSGVO duties an admin carries out: a person's data as JSON, and anonymisation that keeps
// their contributions under "ehemaliges Mitglied" everywhere names are shown.
import { expectNoAxeViolations } from './support/axe';
import {
	acceptInvitation,
	adminCredentials,
	invite,
	memberPassword,
	postForm,
	signedInRequest
} from './support/actors';
import { queryDatabase } from './support/database';
import { anchorPair, createDocument } from './support/documents';
import { expect, openPage, pageAs, test } from './support/fixtures';
import { connectDocument, sessionCookie } from './support/yjs-client';

test('an admin exports a person’s data and anonymises them; their contributions stay', async ({
	browser,
	actors,
	baseURL,
	server
}) => {
	const email = 'paula.privat@kamen.test';
	const link = await invite(actors.admin.request, server.url, 'kamen', email, ['editor']);
	const paula = await acceptInvitation(server.url, link, 'Paula Privat', memberPassword);
	const { id, slug } = await createDocument(server, actors.editor, 'Datenschutzprobe');

	// Paula writes in the document and comments on it.
	const client = connectDocument(server.url, id, await sessionCookie(paula));
	await client.synced;
	client.addParagraph('Paulas Absatz');
	await expect.poll(() => client.text(), { timeout: 10_000 }).toContain('Paulas Absatz');
	client.destroy();
	const commented = await postForm(paula, server.url, `/dokumente/${slug}?/comment`, {
		...anchorPair(),
		quote: 'irgendwo',
		body: 'Paulas Kommentar'
	});
	expect(commented.status()).toBe(200);
	const [{ userId }] = queryDatabase<{ userId: string }>(
		server.dataDir,
		'select id as userId from user where email = ?',
		email
	);
	await expect
		.poll(
			() =>
				queryDatabase(
					server.dataDir,
					"select 1 from document_activity where user_id = ? and kind = 'edit'",
					userId
				).length
		)
		.toBe(1);

	const admin = await pageAs(browser, actors.admin, baseURL!);
	const { page } = admin;
	await openPage(page, '/verwaltung/organisationen/kamen');
	await page.getByRole('link', { name: 'Paula Privat' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Paula Privat' })).toBeVisible();
	await expect(page.getByText(email)).toBeVisible();
	await expectNoAxeViolations(page);

	// The export: a JSON file with what is stored, and never a secret.
	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Daten als JSON herunterladen' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toBe(`personendaten-${userId}.json`);
	const exported = await actors.admin.request.get(`/verwaltung/personen/${userId}/daten.json`);
	expect(exported.headers()['content-type']).toContain('application/json');
	const data = await exported.json();
	expect(data.person).toMatchObject({ name: 'Paula Privat', email });
	expect(data.kommentare).toEqual([
		expect.objectContaining({ dokument: 'Datenschutzprobe', text: 'Paulas Kommentar' })
	]);
	expect(data.dokumentverlauf).toEqual(
		expect.arrayContaining([expect.objectContaining({ dokument: 'Datenschutzprobe', art: 'edit' })])
	);
	expect(JSON.stringify(data)).not.toMatch(/argon2|password|secret/i);

	// Anonymising needs the confirmation.
	const unconfirmed = await postForm(
		actors.admin.request,
		server.url,
		`/verwaltung/personen/${userId}?/anonymise`,
		{}
	);
	expect(unconfirmed.status()).toBe(400);
	expect(await unconfirmed.text()).toContain('Bitte bestätigen Sie');
	await page.setViewportSize({ width: 390, height: 844 });
	await page.getByLabel('Ich will Paula Privat endgültig anonymisieren.').check();
	await page.getByRole('button', { name: 'Person anonymisieren' }).click();
	await expect(page.getByText('Die Person ist anonymisiert.')).toBeVisible();
	await expect(page.getByRole('heading', { level: 1, name: 'ehemaliges Mitglied' })).toBeVisible();
	await expectNoAxeViolations(page);

	// Both steps are in the audit log, which no longer holds her address.
	const log = await (await actors.admin.request.get('/verwaltung/protokoll')).text();
	expect(log).toContain('Person anonymisiert');
	expect(log).toContain('Daten einer Person exportiert');
	expect(log).not.toContain(email);
	// Her session has ended, and her password opens nothing.
	expect((await paula.get('/konto', { maxRedirects: 0 })).status()).toBe(303);
	await expect(signedInRequest(server.url, email, memberPassword)).rejects.toThrow();

	// Her words stay, under the new name, in the activity and in the comments.
	await openPage(page, `/dokumente/${slug}/verlauf`);
	await expect(page.getByRole('main')).toContainText('ehemaliges Mitglied');
	await expect(page.getByRole('main')).not.toContainText('Paula');
	const documentPage = await actors.admin.request.get(`/dokumente/${slug}`);
	const html = await documentPage.text();
	expect(html).toContain('Paulas Kommentar');
	expect(html).toContain('ehemaliges Mitglied');
	expect(html).not.toContain('Paula Privat');
	const [stored] = queryDatabase<{ name: string; email: string }>(
		server.dataDir,
		'select name, email from user where id = ?',
		userId
	);
	expect(stored).toEqual({ name: 'ehemaliges Mitglied', email: `${userId}@anonymisiert.invalid` });

	// Nothing the server logged, in this test or before it, holds a password or a session token.
	const logged = server.output();
	expect(logged).not.toContain(memberPassword);
	expect(logged).not.toContain(adminCredentials.password);
	expect(logged).not.toContain((await sessionCookie(actors.admin.request)).split('=')[1]);
	await paula.dispose();
	await admin.close();
});
