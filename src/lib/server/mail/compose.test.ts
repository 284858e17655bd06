import { afterEach, describe, expect, it, vi } from 'vitest';
import { absoluteUrl, composeMail } from './compose';

describe('composeMail', () => {
	afterEach(() => vi.unstubAllEnvs());

	it('writes the same German parts as plain text and as HTML', () => {
		const mail = composeMail({
			greeting: 'Guten Tag Lea Leitung,',
			paragraphs: ['Sie wurden eingeladen.', 'Der Link gilt sieben Tage.'],
			action: { label: 'Einladung annehmen', url: 'https://leitbild.example/einladung/abc' },
			kind: 'invitation'
		});
		expect(mail.text).toBe(
			[
				'Guten Tag Lea Leitung,',
				'Sie wurden eingeladen.',
				'Der Link gilt sieben Tage.',
				'Einladung annehmen:\nhttps://leitbild.example/einladung/abc',
				'Mit freundlichen Grüßen\nIhre Leitbild-Werkstatt',
				'-- \nSie erhalten diese E-Mail, weil Sie in die Leitbild-Werkstatt eingeladen wurden.\n'
			].join('\n\n')
		);
		expect(mail.html).toContain('<html lang="de">');
		expect(mail.html).toContain('href="https://leitbild.example/einladung/abc"');
		expect(mail.html).toContain('Einladung annehmen</a>');
		expect(mail.html).toContain('weil Sie in die Leitbild-Werkstatt eingeladen wurden');
	});

	it('escapes everything people wrote, in text and in links', () => {
		const mail = composeMail({
			greeting: 'Guten Tag <b>Bobby</b> & "Co",',
			paragraphs: ['<img src="https://tracker.example/p.gif"> schrieb: \'Hallo\''],
			action: { label: 'Ansehen', url: 'https://leitbild.example/a?x=1&y="2"' }
		});
		expect(mail.html).not.toContain('<b>');
		expect(mail.html).not.toContain('<img');
		expect(mail.html).toContain('Guten Tag &lt;b&gt;Bobby&lt;/b&gt; &amp; &quot;Co&quot;,');
		expect(mail.html).toContain('&lt;img src=&quot;https://tracker.example/p.gif&quot;&gt;');
		expect(mail.html).toContain('href="https://leitbild.example/a?x=1&amp;y=&quot;2&quot;"');
		expect(mail.text).toContain('Guten Tag <b>Bobby</b> & "Co",');
	});

	it('has no images and no outside resources, only inline styles', () => {
		const { html } = composeMail({ greeting: 'Hallo,', paragraphs: ['Text'] });
		expect(html).not.toMatch(/<img|<link|<style|<script|src=/i);
	});

	it('says why the mail comes and links to the preferences when given', () => {
		const mail = composeMail({
			greeting: 'Hallo,',
			paragraphs: ['Neu'],
			kind: 'mention',
			preferencesUrl: 'https://leitbild.example/e-mail-abbestellen/lea.mention.0123'
		});
		expect(mail.text).toContain(
			'-- \nSie erhalten diese E-Mail, weil Sie in einem Kommentar erwähnt wurden.\nDiese Art von E-Mails bestellen Sie hier ab, auch ohne Anmeldung:\nhttps://leitbild.example/e-mail-abbestellen/lea.mention.0123\n'
		);
		expect(mail.html).toContain(
			'href="https://leitbild.example/e-mail-abbestellen/lea.mention.0123"'
		);
	});

	it('builds absolute links from ORIGIN', () => {
		vi.stubEnv('ORIGIN', 'https://leitbild.kreis-unna.de/');
		expect(absoluteUrl('/konto')).toBe('https://leitbild.kreis-unna.de/konto');
		expect(absoluteUrl('einladung/x')).toBe('https://leitbild.kreis-unna.de/einladung/x');
	});
});
