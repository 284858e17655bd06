import { afterEach, describe, expect, it, vi } from 'vitest';
import { acceptedLogId, log, newLogId, withLogFields } from './log';

function capture() {
	const lines: Record<string, unknown>[] = [];
	const record = (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>);
	vi.spyOn(console, 'log').mockImplementation(record);
	vi.spyOn(console, 'error').mockImplementation(record);
	vi.stubEnv('LOG_LEVEL', 'info');
	return lines;
}

afterEach(() => {
	vi.restoreAllMocks();
	vi.unstubAllEnvs();
});

describe('log lines', () => {
	it('carry the fields of the work they were written in, also in its later callbacks', async () => {
		const lines = capture();
		log.info('outside');
		await withLogFields({ request: 'r1' }, async () => {
			log.warn('inside', { document: 'd1' });
			await new Promise((resolve) => setTimeout(resolve, 1));
			withLogFields({ connection: 'c1' }, () => log.error('nested'));
		});
		log.info('after');
		expect(
			lines.map(({ event, request, connection, document }) => ({
				event,
				request,
				connection,
				document
			}))
		).toEqual([
			{ event: 'outside', request: undefined, connection: undefined, document: undefined },
			{ event: 'inside', request: 'r1', connection: undefined, document: 'd1' },
			{ event: 'nested', request: 'r1', connection: 'c1', document: undefined },
			{ event: 'after', request: undefined, connection: undefined, document: undefined }
		]);
	});

	it('give ids that differ, and take a proxy’s id only when it is a plain token', () => {
		const ids = new Set(Array.from({ length: 1000 }, newLogId));
		expect(ids.size).toBe(1000);
		for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{12}$/);
		expect(acceptedLogId('0123456789abcdef0123456789abcdef')).toBe(
			'0123456789abcdef0123456789abcdef'
		);
		expect(acceptedLogId('6f1c2a9e-8a8e-4f61-9b55-0e1f5c1d2e3f')).toBeDefined();
		for (const odd of ['', 'kurz', '<script>alert(1)</script>', 'a'.repeat(65), 'id mit leer']) {
			expect(acceptedLogId(odd)).toBeUndefined();
		}
		expect(acceptedLogId(null)).toBeUndefined();
	});
});
