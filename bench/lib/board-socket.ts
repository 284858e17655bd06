// A board's live connection as a phone's page holds it, without the browser: commands go out
// with a number, and the server answers each with `done` or `refused` under that number.
// Used by the conference benchmark and the hall test (tests/hall-day.spec.ts).
import WebSocket from 'ws';

export type CommandAnswer = { ok: true; undoId: number | null } | { ok: false; message: string };

export interface BoardSocket {
	readonly opened: Promise<void>;
	/** The latest board state the server sent (its `board` field). */
	readonly state: unknown;
	/** Sends a command and waits for the server's answer; rejects when the connection ends first. */
	send(command: Record<string, unknown>): Promise<CommandAnswer>;
	/** Resolves once a state arrives that passes the check (or the current one does). */
	waitForState(check: (board: unknown) => boolean): Promise<void>;
	close(): void;
}

export function connectBoard(
	baseUrl: string,
	boardId: string,
	cookie: string,
	/** Called with every state as it arrives, e.g. to time when a change reached this phone. */
	onState?: (board: unknown) => void
): BoardSocket {
	const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/collab/board/${boardId}`, {
		origin: baseUrl,
		headers: { cookie }
	});
	let nextRef = 1;
	let state: unknown;
	const pending = new Map<
		number,
		{ resolve(answer: CommandAnswer): void; reject(err: Error): void }
	>();
	const stateWaiters = new Set<{ check(board: unknown): boolean; resolve(): void }>();
	socket.on('message', (data) => {
		const message = JSON.parse(String(data)) as {
			type: string;
			ref?: number | null;
			board?: unknown;
			undoId?: number | null;
			message?: string;
		};
		if (message.type === 'state') {
			state = message.board;
			onState?.(state);
			for (const waiter of [...stateWaiters]) {
				if (waiter.check(state)) {
					stateWaiters.delete(waiter);
					waiter.resolve();
				}
			}
			return;
		}
		const waiting = typeof message.ref === 'number' ? pending.get(message.ref) : undefined;
		if (!waiting) return;
		pending.delete(message.ref!);
		waiting.resolve(
			message.type === 'done'
				? { ok: true, undoId: message.undoId ?? null }
				: { ok: false, message: message.message ?? '' }
		);
	});
	socket.on('close', () => {
		for (const waiting of pending.values()) waiting.reject(new Error('Verbindung beendet'));
		pending.clear();
	});
	socket.on('error', () => undefined);
	return {
		opened: new Promise((resolve, reject) => {
			socket.once('open', () => resolve());
			socket.once('error', reject);
			socket.once('unexpected-response', (_request, response) =>
				reject(new Error(`Pinnwand abgewiesen: ${response.statusCode}`))
			);
		}),
		get state() {
			return state;
		},
		send(command) {
			const ref = nextRef++;
			return new Promise((resolve, reject) => {
				if (socket.readyState !== WebSocket.OPEN) {
					reject(new Error('Verbindung nicht offen'));
					return;
				}
				pending.set(ref, { resolve, reject });
				socket.send(JSON.stringify({ ref, command }));
			});
		},
		waitForState(check) {
			if (state !== undefined && check(state)) return Promise.resolve();
			return new Promise((resolve) => stateWaiters.add({ check, resolve }));
		},
		close: () => socket.close()
	};
}
