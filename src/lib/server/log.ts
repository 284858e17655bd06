// Structured logs, one JSON object a line. Never pass secrets (passwords, tokens) as fields.
type Level = 'info' | 'warn' | 'error';

function write(level: Level, event: string, fields: Record<string, unknown> = {}): void {
	if (process.env.LOG_LEVEL === 'silent') return;
	const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields });
	if (level === 'error') console.error(line);
	else console.log(line);
}

export const log = {
	info: (event: string, fields?: Record<string, unknown>) => write('info', event, fields),
	warn: (event: string, fields?: Record<string, unknown>) => write('warn', event, fields),
	error: (event: string, fields?: Record<string, unknown>) => write('error', event, fields)
};

export function errorFields(err: unknown): Record<string, unknown> {
	return err instanceof Error ? { error: err.message, stack: err.stack } : { error: String(err) };
}
