// The bridge between the SvelteKit bundle and the production entry in server/: the bundle
// publishes its WebSocket upgrade handler and shutdown here, so both sides share one database
// connection and one set of live connections. Imports nothing, so server/ can compile it alone.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

export interface AppRuntime {
	handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
	/** Closes live connections and flushes the database. */
	shutdown(): Promise<void>;
}

const runtimeKey = Symbol.for('leitbild-werkstatt.runtime');
type WithRuntime = typeof globalThis & { [runtimeKey]?: AppRuntime };

export function publishRuntime(runtime: AppRuntime): void {
	(globalThis as WithRuntime)[runtimeKey] = runtime;
}

export function publishedRuntime(): AppRuntime | undefined {
	return (globalThis as WithRuntime)[runtimeKey];
}
