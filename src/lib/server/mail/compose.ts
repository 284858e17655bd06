// Plain text and HTML of one e-mail, from the same German parts. Inline styles only (mail
// programs drop style sheets), no images and nothing that calls home: no tracking of any kind.
import { readConfig } from '../config';
import { escapeHtml } from '../text/html';
import { mailKindReasons, type MailKind } from './kinds';

export interface MailContent {
	/** "Guten Tag Petra Beispiel," */
	greeting: string;
	paragraphs: string[];
	/** The one thing to do, as a button in HTML and a line with the URL in plain text. */
	action?: { label: string; url: string };
	/** For an optional kind: unsubscribeUrl(db, userId, kind), which turns the kind off without
	 * signing in (its page links to all choices under Mein Konto); the footer links there. */
	preferencesUrl?: string;
	/** Says in the footer why the person gets this mail. */
	kind?: MailKind;
}

const generalReason = 'Sie erhalten diese E-Mail von der Leitbild-Werkstatt.';
const preferencesText = 'Diese Art von E-Mails bestellen Sie hier ab, auch ohne Anmeldung:';
const signature = 'Ihre Leitbild-Werkstatt';

/** The full URL of a path as people outside reach the app (ORIGIN). */
export function absoluteUrl(path: string): string {
	return `${readConfig().publicOrigin}${path.startsWith('/') ? path : `/${path}`}`;
}

const fontStyle = 'font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5';
const textColour = 'color:#1a1a1a';

function htmlFooter(reason: string, preferencesUrl: string | undefined): string {
	const style = `${fontStyle};font-size:14px;color:#4d4d4d;border-top:1px solid #cccccc;padding-top:12px;margin-top:32px`;
	const link = preferencesUrl
		? ` ${escapeHtml(preferencesText)} <a href="${escapeHtml(preferencesUrl)}" style="color:#0b5394">${escapeHtml(preferencesUrl)}</a>`
		: '';
	return `<p style="${style}">${escapeHtml(reason)}${link}</p>`;
}

export function composeMail(input: MailContent): { text: string; html: string } {
	const reason = input.kind ? mailKindReasons[input.kind] : generalReason;
	const textParts = [input.greeting, ...input.paragraphs];
	if (input.action) textParts.push(`${input.action.label}:\n${input.action.url}`);
	textParts.push(`Mit freundlichen Grüßen\n${signature}`);
	const footer = input.preferencesUrl
		? `${reason}\n${preferencesText}\n${input.preferencesUrl}`
		: reason;
	const text = `${textParts.join('\n\n')}\n\n-- \n${footer}\n`;

	const paragraph = (content: string) =>
		`<p style="${fontStyle};${textColour};margin:0 0 16px">${escapeHtml(content).replaceAll('\n', '<br>')}</p>`;
	const action = input.action
		? `<p style="margin:24px 0"><a href="${escapeHtml(input.action.url)}" style="${fontStyle};display:inline-block;background:#0b5394;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:4px;font-weight:bold">${escapeHtml(input.action.label)}</a></p>` +
			`<p style="${fontStyle};font-size:14px;color:#4d4d4d;margin:0 0 16px">Falls der Knopf nicht funktioniert, öffnen Sie diesen Link: <a href="${escapeHtml(input.action.url)}" style="color:#0b5394;word-break:break-all">${escapeHtml(input.action.url)}</a></p>`
		: '';
	const html = [
		'<!doctype html>',
		'<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>',
		`<body style="margin:0;padding:24px;background:#ffffff"><div style="max-width:600px;margin:0 auto">`,
		paragraph(input.greeting),
		...input.paragraphs.map(paragraph),
		action,
		paragraph(`Mit freundlichen Grüßen\n${signature}`),
		htmlFooter(reason, input.preferencesUrl),
		'</div></body></html>'
	].join('');
	return { text, html };
}
