// The limits on live channels, from the environment, read in one place: how many connections a
// person and an address may hold, how large presence may grow, how many bytes a document may
// store, and how fast cards and new participants may come. Sized for a real hall: 300 phones
// behind one Wi-Fi address, each with a board and a poll open, 70 people on one board.
import type { Rate } from './token-buckets';

export interface LiveLimits {
	/** Open connections of one person (account or participant) to one document, board or feed. */
	connectionsPerPerson: number;
	/** Open connections from one address, all channels together. */
	connectionsPerAddress: number;
	/** Bytes of one presence state (name, colour, caret), as JSON. */
	presenceStateBytes: number;
	/** Bytes of all presence states in one document together: what a newcomer receives. */
	presenceDocumentBytes: number;
	/** Bytes a document may store (its Yjs updates); past it, it takes no more changes. */
	documentBytes: number;
	/** Cards one participant may have on one board. */
	cardsPerParticipant: number;
	/** New cards of one participant: a burst, then this many a minute. */
	cardsPerParticipantRate: Rate;
	/** New cards on one board from one address: a room writing at once, then a steady pace. */
	cardsPerBoardAndAddress: Rate;
	/** New participant identities from one address: a hall joining at once, then latecomers. */
	joinsPerAddress: Rate;
	/** How often every connection is pinged; one that misses two pings is cut. */
	heartbeatMs: number;
}

const kib = 1024;

function positiveInteger(value: string | undefined, fallback: number): number {
	const number = Number(value);
	return value !== undefined && value.trim() !== '' && Number.isInteger(number) && number > 0
		? number
		: fallback;
}

/** "32M", "64K", "1048576": a size as BODY_SIZE_LIMIT writes it. */
export function byteSize(value: string | undefined, fallback: number): number {
	const match = /^\s*(\d+(?:\.\d+)?)\s*([KMG]?)B?\s*$/i.exec(value ?? '');
	if (!match) return fallback;
	const unit = { '': 1, K: kib, M: kib * kib, G: kib * kib * kib }[match[2].toUpperCase()]!;
	const bytes = Math.floor(Number(match[1]) * unit);
	return bytes > 0 ? bytes : fallback;
}

function perMinute(burst: number, minute: number): Rate {
	return { burst, perSecond: minute / 60 };
}

export function liveLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): LiveLimits {
	const cardsPerMinute = positiveInteger(env.BOARD_CARDS_PER_MINUTE, 10);
	return {
		// Three tabs and a phone must work, and connections of a phone that changed networks
		// linger until they are noticed as dead.
		connectionsPerPerson: positiveInteger(env.LIVE_CONNECTIONS_PER_PERSON, 8),
		// 300 phones with a board and a poll each are 600; staff and reconnects come on top.
		connectionsPerAddress: positiveInteger(env.LIVE_CONNECTIONS_PER_ADDRESS, 1500),
		// A real presence is a few hundred bytes.
		presenceStateBytes: byteSize(env.LIVE_PRESENCE_STATE_LIMIT, 4 * kib),
		presenceDocumentBytes: byteSize(env.LIVE_PRESENCE_DOCUMENT_LIMIT, 256 * kib),
		// A Leitbild is well under 1 MB of text; its history grows, compaction folds it.
		documentBytes: byteSize(env.DOCUMENT_SIZE_LIMIT, 32 * kib * kib),
		cardsPerParticipant: positiveInteger(env.BOARD_CARDS_PER_PARTICIPANT, 30),
		cardsPerParticipantRate: perMinute(cardsPerMinute, cardsPerMinute),
		cardsPerBoardAndAddress: perMinute(
			positiveInteger(env.BOARD_CARDS_BURST_PER_ADDRESS, 150),
			positiveInteger(env.BOARD_CARDS_PER_MINUTE_PER_ADDRESS, 60)
		),
		joinsPerAddress: perMinute(
			positiveInteger(env.JOINS_BURST_PER_ADDRESS, 400),
			positiveInteger(env.JOINS_PER_MINUTE_PER_ADDRESS, 60)
		),
		// A phone asleep in a pocket frees its place within a minute.
		heartbeatMs: positiveInteger(env.LIVE_HEARTBEAT_SECONDS, 25) * 1000
	};
}
