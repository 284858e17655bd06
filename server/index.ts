// Production entry: one HTTP server on one port for the SvelteKit pages and the WebSocket
// upgrades under /collab/. Honours PORT and HOST; shuts down cleanly on SIGTERM and SIGINT.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
	fallbackContentSecurityPolicy,
	securityHeaders,
	transportSecurityHeaders
} from '../src/lib/server/http/security-headers.js';
import { isBehindProxy } from '../src/lib/server/http/client-address.js';
import { acceptedLogId, newLogId } from '../src/lib/server/log.js';
import { requestIdHeader } from '../src/lib/server/http/request-id.js';
import { publishedRuntime } from '../src/lib/server/runtime.js';

// Resolution PDFs of the adoption records must fit; adapter-node's default is 512 KB.
process.env.BODY_SIZE_LIMIT ??= '25M';

// Without ORIGIN, adapter-node assumes https. Tell it the protocol of the actual connection
// instead, through a header only this entry sets (a client's own value is overwritten).
const connectionProtocolHeader = 'x-leitbild-connection-protocol';
const deriveProtocol = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (deriveProtocol) process.env.PROTOCOL_HEADER = connectionProtocolHeader;

const port = Number.parseInt(process.env.PORT ?? '3000', 10);
const host = process.env.HOST ?? '0.0.0.0';

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

// Importing the handler starts the app: SvelteKit's init hook migrates, seeds and publishes the
// runtime. The path is relative to this file's compiled place, build-server/server/.
const handlerUrl = new URL('../../build/handler.js', import.meta.url).href;
// A start the app refuses (a database written by a newer version) ends the process with its
// message, not with a stack trace.
const { handler } = (await import(handlerUrl).catch((err: unknown) => {
	console.error(err instanceof Error ? err.message : String(err));
	process.exit(1);
})) as { handler: NodeHandler };
const runtime = publishedRuntime();
if (!runtime) throw new Error('The SvelteKit bundle did not publish its runtime.');

const responseHeaders = { ...securityHeaders, ...transportSecurityHeaders(process.env.ORIGIN) };

// Behind a proxy (ADDRESS_HEADER set) the proxy's request id is taken, so its access log and ours
// match; a client's own is not.
const behindProxy = isBehindProxy();

const server = createServer((req, res) => {
	// Pages replace the CSP with their own (kit.csp); static files and JSON keep this one.
	for (const [name, value] of Object.entries(responseHeaders)) res.setHeader(name, value);
	res.setHeader('Content-Security-Policy', fallbackContentSecurityPolicy);
	const proxied = req.headers['x-request-id'];
	const requestId =
		(behindProxy && typeof proxied === 'string' ? acceptedLogId(proxied) : undefined) ?? newLogId();
	req.headers[requestIdHeader] = requestId;
	res.setHeader('X-Request-Id', requestId);
	if (deriveProtocol) {
		req.headers[connectionProtocolHeader] = 'encrypted' in req.socket ? 'https' : 'http';
	}
	handler(req, res);
});

// Node closes an idle kept-alive connection after 5 s; a client (a browser, a reverse proxy) that
// sends on it at that moment gets a reset instead of an answer. Idle connections stay longer than
// clients and proxies usually keep them, so the client is the one to close.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

server.on('upgrade', (req, socket, head) => runtime.handleUpgrade(req, socket, head));

server.listen(port, host, () => {
	const address = server.address();
	const shown = typeof address === 'object' && address ? address.port : port;
	console.log(
		JSON.stringify({
			time: new Date().toISOString(),
			level: 'info',
			event: 'server.listening',
			host,
			port: shown
		})
	);
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
	if (stopping) return;
	stopping = true;
	console.log(
		JSON.stringify({
			time: new Date().toISOString(),
			level: 'info',
			event: 'server.stopping',
			signal
		})
	);
	const closed = new Promise<void>((resolve) => server.close(() => resolve()));
	server.closeIdleConnections();
	await runtime!.shutdown();
	// Connections still busy after a grace period are cut, so a stop never hangs.
	setTimeout(() => server.closeAllConnections(), 5000).unref();
	await closed;
	process.exit(0);
}

process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
