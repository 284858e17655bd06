import { describe, expect, it } from 'vitest';
import { byteSize, liveLimitsFromEnv } from './live-limits';

describe('liveLimitsFromEnv', () => {
	it('has defaults sized for a hall of 300 phones behind one address', () => {
		const limits = liveLimitsFromEnv({});
		expect(limits.connectionsPerPerson).toBe(8);
		expect(limits.connectionsPerAddress).toBeGreaterThan(2 * 300);
		expect(limits.joinsPerAddress.burst).toBeGreaterThanOrEqual(300);
		expect(limits.documentBytes).toBe(32 * 1024 * 1024);
		expect(limits.presenceStateBytes).toBe(4096);
		expect(limits.cardsPerParticipant).toBe(30);
		expect(limits.cardsPerParticipantRate).toEqual({ burst: 10, perSecond: 10 / 60 });
		// 70 people on a board each write a first card at once.
		expect(limits.cardsPerBoardAndAddress.burst).toBeGreaterThan(70);
	});

	it('takes every limit from its variable', () => {
		const limits = liveLimitsFromEnv({
			LIVE_CONNECTIONS_PER_PERSON: '3',
			LIVE_CONNECTIONS_PER_ADDRESS: '20',
			LIVE_PRESENCE_STATE_LIMIT: '1K',
			LIVE_PRESENCE_DOCUMENT_LIMIT: '8K',
			DOCUMENT_SIZE_LIMIT: '64K',
			BOARD_CARDS_PER_PARTICIPANT: '2',
			BOARD_CARDS_PER_MINUTE: '6',
			BOARD_CARDS_BURST_PER_ADDRESS: '5',
			BOARD_CARDS_PER_MINUTE_PER_ADDRESS: '30',
			JOINS_BURST_PER_ADDRESS: '10',
			JOINS_PER_MINUTE_PER_ADDRESS: '120',
			LIVE_HEARTBEAT_SECONDS: '2'
		});
		expect(limits).toEqual({
			connectionsPerPerson: 3,
			connectionsPerAddress: 20,
			presenceStateBytes: 1024,
			presenceDocumentBytes: 8192,
			documentBytes: 65536,
			cardsPerParticipant: 2,
			cardsPerParticipantRate: { burst: 6, perSecond: 0.1 },
			cardsPerBoardAndAddress: { burst: 5, perSecond: 0.5 },
			joinsPerAddress: { burst: 10, perSecond: 2 },
			heartbeatMs: 2000
		});
	});

	it('keeps the default for values that are no limit', () => {
		for (const value of ['', 'viele', '0', '-3', '2.5']) {
			expect(liveLimitsFromEnv({ LIVE_CONNECTIONS_PER_PERSON: value }).connectionsPerPerson).toBe(
				8
			);
		}
	});
});

describe('byteSize', () => {
	it.each([
		['32M', 32 * 1024 * 1024],
		['64k', 65536],
		['1G', 1024 ** 3],
		['0.5M', 524288],
		['4096', 4096],
		['12 KB', 12288]
	])('reads %s', (value, bytes) => {
		expect(byteSize(value, 1)).toBe(bytes);
	});

	it.each([[undefined], [''], ['groß'], ['0'], ['-1M'], ['5T']])('falls back for %s', (value) => {
		expect(byteSize(value, 7)).toBe(7);
	});
});
