// A y-websocket client in the test process, with a member's cookie and the app's Origin: what a
// browser sends, without the browser.
import type { APIRequestContext } from '@playwright/test';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

const messageSync = 0;

export async function sessionCookie(request: APIRequestContext): Promise<string> {
	const state = await request.storageState();
	const cookie = state.cookies.find((c) => c.name === 'lw_sitzung');
	if (!cookie) throw new Error('Keine Sitzung');
	return `${cookie.name}=${cookie.value}`;
}

export interface DocumentClient {
	ydoc: Y.Doc;
	provider: WebsocketProvider;
	synced: Promise<void>;
	/** The document's paragraphs as plain text. */
	text(): string;
	/** Appends a paragraph, as the editor would. */
	addParagraph(text: string): void;
	destroy(): void;
}

export function connectDocument(
	baseUrl: string,
	documentId: string,
	cookie?: string,
	/** Query parameters, as the browser sends them (its database epoch). */
	params: Record<string, string> = {}
): DocumentClient {
	const origin = baseUrl;
	class CookieWebSocket extends WebSocket {
		constructor(url: string, protocols?: string | string[]) {
			super(url, protocols, { origin, headers: cookie ? { cookie } : {} });
		}
	}
	const ydoc = new Y.Doc();
	const provider = new WebsocketProvider(
		`${baseUrl.replace(/^http/, 'ws')}/collab/document`,
		documentId,
		ydoc,
		{
			WebSocketPolyfill: CookieWebSocket as unknown as typeof globalThis.WebSocket,
			disableBc: true,
			params
		}
	);
	const synced = new Promise<void>((resolve) => {
		if (provider.synced) resolve();
		else provider.once('sync', () => resolve());
	});
	const fragment = ydoc.getXmlFragment('default');
	return {
		ydoc,
		provider,
		synced,
		text: () =>
			fragment
				.toArray()
				.map((node) =>
					node instanceof Y.XmlElement ? node.toString().replace(/<[^>]+>/g, '') : ''
				)
				.join('\n'),
		addParagraph(text) {
			const paragraph = new Y.XmlElement('paragraph');
			paragraph.insert(0, [new Y.XmlText(text)]);
			fragment.push([paragraph]);
		},
		destroy() {
			provider.destroy();
			ydoc.destroy();
		}
	};
}

/**
 * Resolves once the server has handled everything sent on this socket before: it handles a
 * connection's messages in order, so its answer to a sync step 1 sent now comes after them.
 */
export async function serverCaughtUp(socket: WebSocket): Promise<void> {
	const answered = new Promise<void>((resolve, reject) => {
		const onMessage = (data: Buffer) => {
			const decoder = decoding.createDecoder(new Uint8Array(data));
			if (decoding.readVarUint(decoder) !== messageSync) return;
			if (decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep2) return;
			socket.off('message', onMessage);
			socket.off('close', onClose);
			resolve();
		};
		const onClose = () => reject(new Error('Verbindung geschlossen, bevor der Server antwortete'));
		socket.on('message', onMessage);
		socket.once('close', onClose);
	});
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, messageSync);
	syncProtocol.writeSyncStep1(encoder, new Y.Doc());
	socket.send(encoding.toUint8Array(encoder));
	await answered;
}

/** The provider's socket: in this process always one of `ws`. */
export function providerSocket(client: DocumentClient): WebSocket {
	const socket = client.provider.ws;
	if (!socket) throw new Error('Keine Verbindung');
	return socket as unknown as WebSocket;
}
