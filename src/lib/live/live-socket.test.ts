import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveSocket } from './live-socket';

/** A browser WebSocket as far as LiveSocket uses it; the test opens, feeds and closes it. */
class FakeWebSocket extends EventTarget {
	static readonly OPEN = 1;
	static opened: FakeWebSocket[] = [];
	readyState = 0;
	sent: string[] = [];
	constructor(readonly url: string) {
		super();
		FakeWebSocket.opened.push(this);
	}
	send(data: string) {
		this.sent.push(data);
	}
	close() {
		this.serverCloses(1000, '');
	}
	serverOpens() {
		this.readyState = 1;
		this.dispatchEvent(new Event('open'));
	}
	serverSends(data: string) {
		this.dispatchEvent(Object.assign(new Event('message'), { data }));
	}
	serverCloses(code: number, reason: string) {
		this.readyState = 3;
		this.dispatchEvent(Object.assign(new Event('close'), { code, reason }));
	}
}

const page = new EventTarget();
const latest = () => FakeWebSocket.opened.at(-1)!;
/** Every socket a test made: destroyed after it, so none reacts to the next test's page events. */
const made: LiveSocket[] = [];

beforeEach(() => {
	vi.useFakeTimers();
	FakeWebSocket.opened = [];
	vi.stubGlobal('WebSocket', FakeWebSocket);
	vi.stubGlobal('location', { protocol: 'https:', host: 'werkstatt.example' });
	vi.stubGlobal('document', Object.assign(page, { visibilityState: 'visible' }));
	vi.stubGlobal('window', page);
	vi.spyOn(Math, 'random').mockReturnValue(0.5);
});
afterEach(() => {
	for (const socket of made.splice(0)) socket.destroy();
	vi.useRealTimers();
	vi.unstubAllGlobals();
	vi.restoreAllMocks();
});

function connect() {
	const closes: { code: number; reason: string | null; final: boolean }[] = [];
	const messages: string[] = [];
	const socket = new LiveSocket('/collab/board/b1?ansicht=projektion', {
		onMessage: (data) => messages.push(data),
		onClose: (close) => closes.push(close)
	});
	socket.start();
	made.push(socket);
	return { socket, closes, messages };
}

describe('a live socket', () => {
	it('can be made where there is no browser, as when a page is rendered on the server', () => {
		vi.unstubAllGlobals();
		const socket = new LiveSocket('/collab/poll/e1', { onMessage: () => {} });
		socket.destroy();
		expect(FakeWebSocket.opened).toEqual([]);
	});

	it('opens the channel on this host, and sends only while open', () => {
		const { socket, messages } = connect();
		expect(latest().url).toBe('wss://werkstatt.example/collab/board/b1?ansicht=projektion');
		expect(socket.send('zu früh')).toBe(false);
		latest().serverOpens();
		expect(socket.send('hallo')).toBe(true);
		expect(latest().sent).toEqual(['hallo']);
		latest().serverSends('{"type":"state"}');
		expect(messages).toEqual(['{"type":"state"}']);
	});

	it('tries again after growing pauses, and from the start once it was served', () => {
		connect();
		latest().serverCloses(1006, '');
		vi.advanceTimersByTime(999);
		expect(FakeWebSocket.opened).toHaveLength(1);
		vi.advanceTimersByTime(1);
		expect(FakeWebSocket.opened).toHaveLength(2);
		// Refused right after the handshake: not served, so the pause grows.
		latest().serverCloses(
			1008,
			'Zu viele Verbindungen von Ihrem Netzanschluss. Neuer Versuch folgt.'
		);
		vi.advanceTimersByTime(1999);
		expect(FakeWebSocket.opened).toHaveLength(2);
		vi.advanceTimersByTime(1);
		expect(FakeWebSocket.opened).toHaveLength(3);
		latest().serverOpens();
		latest().serverSends('{"type":"state"}');
		latest().serverCloses(1001, 'Server wird beendet');
		vi.advanceTimersByTime(1000);
		expect(FakeWebSocket.opened).toHaveLength(4);
	});

	it('gives up when refused for good, and hands on the server’s German reason', () => {
		const { closes } = connect();
		latest().serverOpens();
		latest().serverCloses(4403, 'Keine Berechtigung');
		expect(closes).toEqual([{ code: 4403, reason: 'Keine Berechtigung', final: true }]);
		vi.advanceTimersByTime(60_000);
		page.dispatchEvent(new Event('online'));
		expect(FakeWebSocket.opened).toHaveLength(1);
	});

	it('tries at once when the network or the page comes back', () => {
		connect();
		latest().serverCloses(1006, '');
		page.dispatchEvent(new Event('online'));
		expect(FakeWebSocket.opened).toHaveLength(2);
		latest().serverCloses(1006, '');
		page.dispatchEvent(new Event('visibilitychange'));
		expect(FakeWebSocket.opened).toHaveLength(3);
		// An open connection is left alone.
		latest().serverOpens();
		page.dispatchEvent(new Event('online'));
		expect(FakeWebSocket.opened).toHaveLength(3);
	});

	it('stops for good when the page is done with it', () => {
		const { socket, closes } = connect();
		latest().serverOpens();
		socket.destroy();
		vi.advanceTimersByTime(60_000);
		page.dispatchEvent(new Event('online'));
		expect(FakeWebSocket.opened).toHaveLength(1);
		expect(closes).toEqual([]);
	});
});
