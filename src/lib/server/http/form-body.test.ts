import { describe, expect, it } from 'vitest';
import { checkFormBody, formBodyMessages, maxTextFormBytes } from './form-body';

function post(body: BodyInit, contentType: string): Request {
	return new Request('http://localhost/dokumente?/create', {
		method: 'POST',
		body,
		headers: { 'content-type': contentType }
	});
}

describe('checkFormBody', () => {
	it('lets readable forms and requests without a form through, with the body still unread', async () => {
		const form = post('title=Leitbild&kind=leitbild', 'application/x-www-form-urlencoded');
		expect(await checkFormBody(form)).toBeNull();
		expect((await form.formData()).get('title')).toBe('Leitbild');

		const multipart = new FormData();
		multipart.set('title', 'Leitbild');
		expect(
			await checkFormBody(new Request('http://localhost/', { method: 'POST', body: multipart }))
		).toBeNull();
		expect(await checkFormBody(post('{"title":1}', 'application/json'))).toBeNull();
		expect(await checkFormBody(new Request('http://localhost/'))).toBeNull();
	});

	it('refuses a broken multipart body and text/plain, which no action can read', async () => {
		expect(await checkFormBody(post('\u00ff\u0000--', 'multipart/form-data; boundary=x'))).toEqual({
			status: 400,
			message: formBodyMessages.unreadable
		});
		expect(await checkFormBody(post('title=Leitbild', 'text/plain;charset=UTF-8'))).toEqual({
			status: 415,
			message: formBodyMessages.unsupported
		});
	});

	it('refuses text forms larger than any form anyone types', async () => {
		const big = `title=${'x'.repeat(maxTextFormBytes)}`;
		expect(await checkFormBody(post(big, 'application/x-www-form-urlencoded'))).toEqual({
			status: 413,
			message: formBodyMessages.tooLarge
		});
	});

	it('holds multipart forms to the same bound unless the request may upload', async () => {
		const big = new FormData();
		big.set('datei', new Blob([new Uint8Array(maxTextFormBytes + 1)]), 'gross.pdf');
		const request = () => new Request('http://localhost/', { method: 'POST', body: big });
		expect(await checkFormBody(request())).toEqual({
			status: 413,
			message: formBodyMessages.tooLarge
		});
		const upload = request();
		expect(await checkFormBody(upload, { mayUpload: true })).toBeNull();
		expect((await upload.formData()).get('datei')).toBeInstanceOf(Blob);
	});
});
