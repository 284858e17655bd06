// The browser's end of a live channel (/collab/…): one WebSocket that is opened again after it
// was lost, by the one reconnect policy (reconnect-policy.ts), until the server refuses it for
// good or the page is done with it. A phone back from sleep or back on the network tries at once.
import { refusedForGood, retryDelay } from './reconnect-policy';

export interface LiveSocketHandlers {
	/** The connection is open (again). */
	onOpen?(): void;
	onMessage(data: string): void;
	/**
	 * The connection was lost or closed by the server. `reason` is the server's German reason,
	 * if it gave one; `final` when it refused for good and nothing tries again.
	 */
	onClose?(close: { code: number; reason: string | null; final: boolean }): void;
}

export class LiveSocket {
	#path: string;
	#handlers: LiveSocketHandlers;
	#socket: WebSocket | null = null;
	/** Attempts in a row that were not served. */
	#failures = 0;
	#retry: ReturnType<typeof setTimeout> | undefined;
	#stopped = false;
	#started = false;

	/** Made anywhere (pages are rendered on the server too); connects only on start(). */
	constructor(
		/** e.g. /collab/board/<id>?ansicht=projektion */
		path: string,
		handlers: LiveSocketHandlers
	) {
		this.#path = path;
		this.#handlers = handlers;
	}

	/** Opens the connection; in the browser only (pages are rendered on the server first). */
	start(): void {
		if (this.#started) return;
		this.#started = true;
		this.#connect();
		document.addEventListener('visibilitychange', this.#wake);
		window.addEventListener('online', this.#wake);
	}

	get open(): boolean {
		return this.#socket?.readyState === WebSocket.OPEN;
	}

	/** Sends when the connection is open; false when it is not. */
	send(data: string): boolean {
		if (!this.#socket || !this.open) return false;
		this.#socket.send(data);
		return true;
	}

	destroy(): void {
		this.#stopped = true;
		clearTimeout(this.#retry);
		if (this.#started) {
			document.removeEventListener('visibilitychange', this.#wake);
			window.removeEventListener('online', this.#wake);
		}
		this.#socket?.close();
	}

	#wake = () => {
		if (document.visibilityState !== 'visible' || this.#socket || this.#stopped) return;
		clearTimeout(this.#retry);
		this.#connect();
	};

	#connect() {
		const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
		const socket = new WebSocket(`${scheme}://${location.host}${this.#path}`);
		this.#socket = socket;
		socket.addEventListener('open', () => this.#handlers.onOpen?.());
		socket.addEventListener('message', (event) => {
			// Only a connection the server serves counts as success: one it refuses right after the
			// handshake (too many connections) must not reset the pause before the next try.
			this.#failures = 0;
			this.#handlers.onMessage(String(event.data));
		});
		socket.addEventListener('close', (event) => {
			this.#socket = null;
			if (this.#stopped) return;
			const final = refusedForGood(event.code);
			this.#handlers.onClose?.({ code: event.code, reason: event.reason || null, final });
			if (final) {
				this.#stopped = true;
				return;
			}
			this.#retry = setTimeout(() => this.#connect(), retryDelay(this.#failures));
			this.#failures += 1;
		});
	}
}
