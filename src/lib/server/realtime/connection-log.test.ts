import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WebSocket } from 'ws';
import { log } from '../log';
import { connectionIdOf, logUnderConnectionId } from './connection-log';

afterEach(() => {
	vi.restoreAllMocks();
	vi.unstubAllEnvs();
});

describe('a connection’s log lines', () => {
	it('carry its id, whatever context the event comes from, and only its own', async () => {
		const lines: Record<string, unknown>[] = [];
		vi.stubEnv('LOG_LEVEL', 'info');
		vi.spyOn(console, 'log').mockImplementation((line: string) => lines.push(JSON.parse(line)));
		const a = new EventEmitter() as unknown as WebSocket;
		const b = new EventEmitter() as unknown as WebSocket;
		logUnderConnectionId(a, 'verbindung-a');
		logUnderConnectionId(b, 'verbindung-b');
		a.on('message', () => log.info('message.read'));
		b.on('close', () => log.info('socket.closed'));
		a.emit('message', Buffer.from([0]));
		b.emit('close', 1000);
		log.info('outside');
		expect(lines.map(({ event, connection }) => [event, connection])).toEqual([
			['message.read', 'verbindung-a'],
			['socket.closed', 'verbindung-b'],
			['outside', undefined]
		]);
		expect(connectionIdOf(a)).toBe('verbindung-a');
		expect(connectionIdOf(new EventEmitter() as unknown as WebSocket)).toBeUndefined();
	});
});
