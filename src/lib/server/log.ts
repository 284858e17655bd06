// Structured logs, one JSON object a line. Never pass secrets (passwords, tokens) as fields.
// Lines written while a request is served carry its id (`request`), so an operator can find
// every line of one request, and the proxy's access-log line with the same id.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';

type Level = 'info' | 'warn' | 'error';

const context = new AsyncLocalStorage<Record<string, unknown>>();

function write(level: Level, event: string, fields: Record<string, unknown> = {}): void {
	if (process.env.LOG_LEVEL === 'silent') return;
	const line = JSON.stringify({
		time: new Date().toISOString(),
		level,
		event,
		...context.getStore(),
		...fields
	});
	if (level === 'error') console.error(line);
	else console.log(line);
}

export const log = {
	info: (event: string, fields?: Record<string, unknown>) => write('info', event, fields),
	warn: (event: string, fields?: Record<string, unknown>) => write('warn', event, fields),
	error: (event: string, fields?: Record<string, unknown>) => write('error', event, fields)
};

/** Runs `work` so that every line it logs, also later in its callbacks, carries `fields`. */
export function withLogFields<T>(fields: Record<string, unknown>, work: () => T): T {
	return context.run({ ...context.getStore(), ...fields }, work);
}

/** A short id for a request or connection: 12 characters, enough to be unique in any log. */
export function newLogId(): string {
	return randomBytes(9).toString('base64url');
}

/** An id a proxy sent along (nginx's $request_id, a UUID): only a plain token is taken. */
export function acceptedLogId(value: string | null | undefined): string | undefined {
	return value && /^[A-Za-z0-9_-]{8,64}$/.test(value) ? value : undefined;
}

export function errorFields(err: unknown): Record<string, unknown> {
	return err instanceof Error ? { error: err.message, stack: err.stack } : { error: String(err) };
}
