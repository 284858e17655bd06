// Reads JSON from one council information system and nowhere else: http(s) only, the system's
// own host only (after every redirect too), no loopback or private addresses unless the operator
// allows them, with a deadline and a size limit. The address is checked where the socket
// connects, so a name that resolves differently the second time cannot slip past the check.
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import * as v from 'valibot';

/** A failure the person is shown: the message is German and says what went wrong where. */
export class OparlError extends Error {}

export interface FetcherOptions {
	/** Any address on the system's host: the system URL. */
	systemUrl: string;
	allowPrivateNetworks: boolean;
	timeoutMs: number;
	maxBytes: number;
	maxRedirects?: number;
}

export interface OparlFetcher {
	readonly host: string;
	get<TSchema extends v.GenericSchema>(
		url: string,
		schema: TSchema,
		what: string
	): Promise<v.InferOutput<TSchema>>;
}

const blockedNetworks = (() => {
	const list = new net.BlockList();
	for (const [address, prefix] of [
		['0.0.0.0', 8],
		['10.0.0.0', 8],
		['100.64.0.0', 10],
		['127.0.0.0', 8],
		['169.254.0.0', 16],
		['172.16.0.0', 12],
		['192.168.0.0', 16]
	] as const) {
		list.addSubnet(address, prefix, 'ipv4');
	}
	for (const [address, prefix] of [
		['::', 128],
		['::1', 128],
		['fc00::', 7],
		['fe80::', 10]
	] as const) {
		list.addSubnet(address, prefix, 'ipv6');
	}
	return list;
})();

/** Loopback, private (RFC 1918), carrier-grade NAT, link-local and unique-local addresses. */
export function isPrivateAddress(address: string): boolean {
	const family = net.isIP(address);
	if (family === 0) return true;
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
	if (mapped) return blockedNetworks.check(mapped[1], 'ipv4');
	return blockedNetworks.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export const privateNetworkMessage =
	'Das Ratsinformationssystem liegt unter einer lokalen oder privaten Netzadresse. Solche Adressen sind nur erlaubt, wenn der Betrieb OPARL_ALLOW_PRIVATE_NETWORKS=true gesetzt hat.';

/** The URL as a web address, or the German reason it is not one. */
export function parseWebAddress(value: string): URL {
	let url: URL;
	try {
		url = new URL(value.trim());
	} catch {
		throw new OparlError('Bitte geben Sie eine vollständige Webadresse an, z. B. https://…');
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new OparlError('Die Adresse muss mit https:// oder http:// beginnen.');
	}
	if (url.username || url.password) {
		throw new OparlError('Die Adresse darf keine Zugangsdaten enthalten.');
	}
	return url;
}

type LookupCallback = (
	err: NodeJS.ErrnoException | null,
	address: string | dns.LookupAddress[],
	family?: number
) => void;

function guardedLookup(allowPrivate: boolean) {
	return (hostname: string, options: dns.LookupOptions, callback: LookupCallback) => {
		dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
			if (err) return callback(err, []);
			if (!allowPrivate && addresses.some((a) => isPrivateAddress(a.address))) {
				return callback(new OparlError(privateNetworkMessage), []);
			}
			if (options.all) return callback(null, addresses);
			const first = addresses[0];
			if (!first) return callback(new OparlError('Der Servername ist unbekannt.'), []);
			callback(null, first.address, first.family);
		});
	};
}

interface RawResponse {
	status: number;
	location: string | null;
	body: Buffer;
}

function describeNetworkError(err: NodeJS.ErrnoException): string {
	if (err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN') {
		return 'Der Server des Ratsinformationssystems ist unbekannt (Name nicht auflösbar).';
	}
	return `Das Ratsinformationssystem ist nicht erreichbar (${err.code ?? err.message}).`;
}

export function createFetcher(options: FetcherOptions): OparlFetcher {
	const base = parseWebAddress(options.systemUrl);
	const host = base.host;
	const maxRedirects = options.maxRedirects ?? 3;
	const lookup = guardedLookup(options.allowPrivateNetworks);

	function checkAddress(url: URL): void {
		if (url.protocol !== 'https:' && url.protocol !== 'http:') {
			throw new OparlError('Die Adresse muss mit https:// oder http:// beginnen.');
		}
		if (url.host !== host) {
			throw new OparlError(
				`Die Adresse ${url.href} liegt nicht auf dem Server des Ratsinformationssystems (${host}); ihr wird nicht gefolgt.`
			);
		}
		const literal = url.hostname.replace(/^\[|\]$/g, '');
		if (net.isIP(literal) && !options.allowPrivateNetworks && isPrivateAddress(literal)) {
			throw new OparlError(privateNetworkMessage);
		}
	}

	function request(url: URL): Promise<RawResponse> {
		return new Promise((resolve, reject) => {
			const client = url.protocol === 'https:' ? https : http;
			const req = client.get(
				url,
				{ lookup: lookup as never, headers: { accept: 'application/json' } },
				(res) => {
					const status = res.statusCode ?? 0;
					const location = res.headers.location ?? null;
					const declared = Number(res.headers['content-length'] ?? 0);
					if (declared > options.maxBytes) {
						req.destroy(tooLarge());
						return;
					}
					const chunks: Buffer[] = [];
					let size = 0;
					res.on('data', (chunk: Buffer) => {
						size += chunk.length;
						if (size > options.maxBytes) req.destroy(tooLarge());
						else chunks.push(chunk);
					});
					res.on('end', () => {
						clearTimeout(deadline);
						resolve({ status, location, body: Buffer.concat(chunks) });
					});
					res.on('error', fail);
				}
			);
			const deadline = setTimeout(() => {
				req.destroy(
					new OparlError(
						`Das Ratsinformationssystem hat nicht rechtzeitig geantwortet (nach ${Math.round(options.timeoutMs / 1000)} Sekunden).`
					)
				);
			}, options.timeoutMs);
			function fail(err: Error) {
				clearTimeout(deadline);
				reject(err instanceof OparlError ? err : new OparlError(describeNetworkError(err)));
			}
			req.on('error', fail);
		});
	}

	function tooLarge(): OparlError {
		return new OparlError(
			`Die Antwort des Ratsinformationssystems ist zu groß (mehr als ${Math.round(options.maxBytes / 1024 / 1024)} MB).`
		);
	}

	async function getJson(address: string): Promise<unknown> {
		let url = parseWebAddress(address);
		for (let redirects = 0; ; redirects++) {
			checkAddress(url);
			const response = await request(url);
			if (response.status >= 300 && response.status < 400 && response.location) {
				if (redirects >= maxRedirects) {
					throw new OparlError('Das Ratsinformationssystem leitet zu oft weiter.');
				}
				url = new URL(response.location, url);
				continue;
			}
			if (response.status === 404 || response.status === 410) {
				throw new OparlError(
					`Das Ratsinformationssystem kennt die Adresse ${url.href} nicht (HTTP ${response.status}).`
				);
			}
			if (response.status < 200 || response.status >= 300) {
				throw new OparlError(
					`Das Ratsinformationssystem antwortet auf ${url.href} mit einem Fehler (HTTP ${response.status}).`
				);
			}
			try {
				return JSON.parse(response.body.toString('utf8'));
			} catch {
				throw new OparlError(
					`Die Antwort des Ratsinformationssystems auf ${url.href} ist kein gültiges JSON.`
				);
			}
		}
	}

	return {
		host,
		async get(url, schema, what) {
			const json = await getJson(url);
			const result = v.safeParse(schema, json);
			if (result.success) return result.output;
			const issue = result.issues[0];
			const where = v.getDotPath(issue);
			throw new OparlError(
				`Die Antwort auf ${url} ist kein gültiges OParl-Objekt „${what}“${where ? ` (Feld ${where})` : ''}.`
			);
		}
	};
}
