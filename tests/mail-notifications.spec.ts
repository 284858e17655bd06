// The mails people get (#20.2) against a local SMTP sink: a mention typed in the browser, a reply
// to one's thread, the choice under "Mein Konto" respected, a decision on one's proposal, a
// reminder of a planned council date and the weekly digest, both from the check at start-up.
import { expectNoAxeViolations } from './support/axe';
import type { ParsedMail } from 'mailparser';
import { postForm, serverEnvWithAdmin } from './support/actors';
import { queryDatabase } from './support/database';
import { createDocument, documentWithProposals, writeParagraph } from './support/documents';
import { expect, openPage, pageAs, test as base } from './support/fixtures';
import { startServer, type AppServer } from './support/server';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink';

// A server of this file's own, mail on; reminders a week ahead, the digest from Monday on.
const test = base.extend<object, { sink: SmtpSink; server: AppServer }>({
	sink: [
		// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function asks for
		async ({}, use) => {
			const sink = await startSmtpSink();
			await use(sink);
			await sink.stop();
		},
		{ scope: 'worker' }
	],
	server: [
		async ({ sink }, use) => {
			const server = await startServer({
				fromTemplate: true,
				env: {
					...serverEnvWithAdmin,
					SMTP_URL: sink.url,
					SMTP_FROM: 'Leitbild-Werkstatt <werkstatt@kreis-unna.test>',
					MAIL_REMINDER_DAYS_BEFORE: '7',
					MAIL_DIGEST_WEEKDAY: '1'
				}
			});
			await use(server);
			await server.dispose();
		},
		{ scope: 'worker' }
	]
});

function recipients(mail: ParsedMail): string[] {
	const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
	return to.flatMap((address) => address.value.map((value) => value.address ?? ''));
}

/** The mails to one address whose subject contains the words, once they have arrived. */
async function mailsTo(sink: SmtpSink, email: string, subject: string, count = 1) {
	const matching = () =>
		sink.mails.filter(
			(mail) => recipients(mail).includes(email) && mail.subject?.includes(subject)
		);
	await expect.poll(() => matching().length, { message: `${subject} an ${email}` }).toBe(count);
	return matching();
}

/** What the outbox holds for one address and kind: written in the event's own transaction. */
function queued(server: AppServer, email: string, kind: string) {
	return queryDatabase<{ subject: string }>(
		server.dataDir,
		'select subject from mail_outbox where recipient = ? and kind = ?',
		email,
		kind
	);
}

/** The app's path in a mail's link (the test server's ORIGIN is a guess). */
function linkPath(text: string, pathStart: string): string {
	const match = new RegExp(`https?://[^\\s/]+(${pathStart}[^\\s]*)`).exec(text);
	if (!match) throw new Error(`Kein Link auf ${pathStart} in:\n${text}`);
	return match[1];
}

async function commentThread(
	server: AppServer,
	slug: string,
	anchor: (i: number, a: number) => string,
	author: Parameters<typeof postForm>[0],
	body: string
) {
	const response = await postForm(author, server.url, `/dokumente/${slug}?/comment`, {
		anchorStart: anchor(0, 0),
		anchorEnd: anchor(4, -1),
		quote: 'Wir',
		body
	});
	expect(response.status()).toBe(200);
	const [{ id }] = queryDatabase<{ id: string }>(
		server.dataDir,
		`select annotation.id from annotation join document on document.id = annotation.document_id
		 where document.slug = ? and annotation.kind = 'comment' order by annotation.created_at desc limit 1`,
		slug
	);
	return id;
}

test('a mention chosen from the list in the browser reaches the person, and its link shows the comment', async ({
	browser,
	actors,
	server,
	sink
}) => {
	const title = 'Erwähnung im Browser';
	const { id, slug } = await createDocument(server, actors.editor, title);
	await writeParagraph(server, actors.editor, id, 'Wir stärken die Netzwerke der Akteure.');
	const editor = await pageAs(browser, actors.editor, server.url);
	await editor.page.setViewportSize({ width: 1280, height: 900 });
	await openPage(editor.page, `/dokumente/${slug}`);
	await editor.page.getByRole('textbox', { name: /Text von/ }).click();
	await editor.page.keyboard.press('ControlOrMeta+End');
	for (let i = 0; i < 8; i++) await editor.page.keyboard.press('Shift+ArrowLeft');
	await editor.page.keyboard.press('Control+Alt+KeyM');
	const field = editor.page.getByRole('textbox', { name: 'Ihr Kommentar zur markierten Stelle' });
	await expect(field).toBeFocused();
	await editor.page.keyboard.type('Bitte prüfen, @ve');
	const list = editor.page.getByRole('listbox', { name: 'Personen erwähnen' });
	await expect(list.getByRole('option')).toHaveText(['Vera Lesend']);
	await expect(field).toHaveAttribute('aria-activedescendant', /.+/);
	await expectNoAxeViolations(editor.page, undefined, { include: '#comment-panel' });
	// Escape closes the list and leaves the text; typing on opens it again.
	await editor.page.keyboard.press('Escape');
	await expect(list).toBeHidden();
	await editor.page.keyboard.type('r');
	await expect(list.getByRole('option', { name: 'Vera Lesend', selected: true })).toBeVisible();
	await editor.page.keyboard.press('Enter');
	await expect(field).toHaveValue('Bitte prüfen, @Vera Lesend ');
	await editor.page.keyboard.type('danke.');
	await editor.page.getByRole('button', { name: 'Kommentieren' }).click();
	await expect(editor.page.locator('.mention', { hasText: '@Vera Lesend' })).toBeVisible();
	await editor.close();

	const [mail] = await mailsTo(sink, actors.viewer.email, 'hat Sie in');
	expect(mail.subject).toBe(`Emil Redaktion hat Sie in „${title}“ erwähnt`);
	expect(mail.text).toContain('„Bitte prüfen, @Vera Lesend danke.“');
	expect(mail.html).not.toContain('<img');
	// Nobody mails themselves.
	expect(queued(server, actors.editor.email, 'mention')).toEqual([]);

	const viewer = await pageAs(browser, actors.viewer, server.url);
	await viewer.page.setViewportSize({ width: 1280, height: 900 });
	await openPage(viewer.page, linkPath(mail.text!, `/dokumente/${slug}`));
	await expect(viewer.page.locator('.mention', { hasText: '@Vera Lesend' })).toBeVisible();
	await viewer.close();
});

test('a reply reaches the thread’s author, not the person replying', async ({
	actors,
	server,
	sink
}) => {
	const title = 'Antwort auf Kommentar';
	const { id, slug } = await createDocument(server, actors.editor, title);
	const anchor = await writeParagraph(server, actors.editor, id, 'Wir sind viele.');
	const threadId = await commentThread(server, slug, anchor, actors.editor.request, 'Stimmt das?');
	const response = await postForm(actors.viewer.request, server.url, `/dokumente/${slug}?/reply`, {
		threadId,
		body: 'Ja, das stimmt.'
	});
	expect(response.status()).toBe(200);
	const [mail] = await mailsTo(sink, actors.editor.email, `Neue Antwort in „${title}“`);
	expect(mail.text).toContain('Vera Lesend hat im Dokument');
	expect(mail.text).toContain('„Ja, das stimmt.“');
	expect(linkPath(mail.text!, '/dokumente/')).toBe(`/dokumente/${slug}#kommentar-${threadId}`);
	expect(queued(server, actors.viewer.email, 'comment-reply')).toEqual([]);
});

test('who turned mentions off under Mein Konto gets no mention mail', async ({
	browser,
	actors,
	server,
	sink
}) => {
	const signatory = await pageAs(browser, actors.signatory, server.url);
	await openPage(signatory.page, '/konto');
	await signatory.page
		.getByRole('checkbox', { name: 'Erwähnungen (@Name) in Kommentaren' })
		.uncheck();
	await signatory.page.getByRole('button', { name: 'Auswahl speichern' }).click();
	await expect(signatory.page.getByText('Ihre Auswahl der E-Mails ist gespeichert.')).toBeVisible();
	await signatory.close();

	const title = 'Abbestellte Erwähnung';
	const { id, slug } = await createDocument(server, actors.editor, title);
	const anchor = await writeParagraph(server, actors.editor, id, 'Wir sind viele.');
	await commentThread(
		server,
		slug,
		anchor,
		actors.editor.request,
		'@Sina Zeichnung und @Mia Manager, bitte ansehen.'
	);
	// The manager's mail was written in the same transaction: when it arrives, the signatory's
	// would have been written too.
	await mailsTo(sink, actors.manager.email, `hat Sie in „${title}“`);
	expect(queued(server, actors.signatory.email, 'mention')).toEqual([]);
	expect(
		sink.mails.filter(
			(mail) => mail.subject?.includes(title) && recipients(mail).includes(actors.signatory.email)
		)
	).toEqual([]);
});

test('the author of a proposal hears of the decision on it', async ({ actors, server, sink }) => {
	const title = 'Vorschlag mit Entscheidung';
	const document = await documentWithProposals(
		server,
		actors.editor,
		title,
		'Armut betrifft viele Familien.',
		[{ by: actors.viewer, organisation: 'kamen', words: 'Familien', text: 'Kinder' }]
	);
	const [{ id: proposalId }] = queryDatabase<{ id: string }>(
		server.dataDir,
		"select id from annotation where document_id = ? and kind = 'proposal'",
		document.id
	);
	const response = await postForm(
		actors.editor.request,
		server.url,
		`/dokumente/${document.slug}?/rejectProposal`,
		{ proposalId }
	);
	expect(response.status()).toBe(200);
	const [mail] = await mailsTo(
		sink,
		actors.viewer.email,
		`Ihr Vorschlag zu „${title}“ wurde abgelehnt`
	);
	expect(mail.text).toContain('Emil Redaktion hat Ihren Änderungsvorschlag');
	expect(mail.text).toContain('Statt „Familien“: „Kinder“');
	expect(linkPath(mail.text!, '/dokumente/')).toBe(
		`/dokumente/${document.slug}#vorschlag-${proposalId}`
	);
});

/** A day in Berlin, `days` from today, as the date field takes it. */
function berlinDay(days: number): string {
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
	const date = new Date(`${today}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

test('a council date planned within the week is reminded once to the body’s signatories and managers', async ({
	actors,
	server,
	sink
}) => {
	const title = 'Termin im Rat';
	const { slug } = await createDocument(server, actors.editor, title);
	const plannedOn = berlinDay(3);
	const response = await postForm(
		actors.signatory.request,
		server.url,
		`/beschluesse/${slug}/kamen?/plan`,
		{
			stage: 'vorlage-im-rat',
			plannedOn,
			bodyName: 'Rat der Stadt Kamen'
		}
	);
	expect(response.status()).toBe(200);
	// The daily check runs when the server starts.
	await server.stop();
	await server.restart();
	const date = plannedOn.split('-').reverse().join('.');
	const subject = `Termin am ${date}: Entscheidung im Rat zu „${title}“`;
	const [mail] = await mailsTo(sink, actors.signatory.email, subject);
	await mailsTo(sink, actors.manager.email, subject);
	expect(mail.text).toContain(`für Stadt Kamen ist am ${date} dieser Schritt`);
	expect(linkPath(mail.text!, '/beschluesse/')).toBe(`/beschluesse/${slug}/kamen`);
	// Neither Unna's manager nor Kamen's viewer is reminded; and a second start reminds nobody again.
	expect(queued(server, actors.managerOther.email, 'adoption-reminder')).toEqual([]);
	expect(queued(server, actors.viewer.email, 'adoption-reminder')).toEqual([]);
	await server.stop();
	await server.restart();
	expect(queued(server, actors.signatory.email, 'adoption-reminder')).toHaveLength(1);
});

test('who ordered the weekly digest gets the week’s changes to the documents they work on', async ({
	browser,
	actors,
	server,
	sink
}) => {
	const title = 'Woche in Kamen';
	const { id, slug } = await createDocument(server, actors.editor, title);
	const anchor = await writeParagraph(server, actors.editor, id, 'Wir sind viele.');
	// Uwe works on the document: he commented on it. Then the editor answers.
	const threadId = await commentThread(
		server,
		slug,
		anchor,
		actors.managerOther.request,
		'Gut so.'
	);
	const reply = await postForm(actors.editor.request, server.url, `/dokumente/${slug}?/reply`, {
		threadId,
		body: 'Danke!'
	});
	expect(reply.status()).toBe(200);

	const uwe = await pageAs(browser, actors.managerOther, server.url);
	await openPage(uwe.page, '/konto');
	const digest = uwe.page.getByRole('checkbox', { name: /Wöchentliche Zusammenfassung/ });
	await expect(digest).not.toBeChecked();
	await digest.check();
	await uwe.page.getByRole('button', { name: 'Auswahl speichern' }).click();
	await expect(uwe.page.getByText('Ihre Auswahl der E-Mails ist gespeichert.')).toBeVisible();
	await uwe.close();

	await server.stop();
	await server.restart();
	const [mail] = await mailsTo(sink, actors.managerOther.email, 'Wochenrückblick');
	expect(mail.text).toContain(`„${title}“`);
	expect(mail.text).toContain('Emil Redaktion hat auf einen Kommentar geantwortet');
	expect(mail.text).toContain(`/dokumente/${slug}`);
	// Those who did not order it get none.
	expect(queued(server, actors.editor.email, 'weekly-digest')).toEqual([]);
});
