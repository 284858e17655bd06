// A y-websocket client in the test process, with a member's cookie and the app's Origin: what a
// browser sends, without the browser.
import type { APIRequestContext } from '@playwright/test';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

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

/** Waits until the condition holds, polling; fails after the timeout. */
export async function eventually(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error('Bedingung nicht erfüllt');
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}
