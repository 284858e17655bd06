// Who may open which live channel under /collab/: every channel the realtime server registers,
// for every actor of the policy fixture. tests/authorisation.spec.ts fails for a channel missing
// here and checks each cell against the running server: allowed means the socket opens and
// brings its first message (the state, or the first sync step); denied means the handshake is
// refused with 401 or 403, or the socket is closed with a code in 4400–4499.
import { access, type AccessRow } from '../../src/lib/server/policy-fixture';

export interface ChannelCase {
	/** The channel's name, the first segment after /collab/. */
	channel: string;
	/** `{leitbild}`, `{event}` and `{board}` stand for the seeded Leitbild, event and first board. */
	path: string;
	access: AccessRow;
	/** For a channel that sends nothing until asked (echo): the message to send. */
	probe?: string;
}

const { everyone, members, eventLive, eventProjection } = access;

export const channelTable: ChannelCase[] = [
	{ channel: 'echo', path: '/collab/echo', access: everyone, probe: 'hallo' },
	{ channel: 'document', path: '/collab/document/{leitbild}', access: members },
	{ channel: 'comments', path: '/collab/comments/{leitbild}', access: members },
	{ channel: 'consensus', path: '/collab/consensus/{leitbild}', access: members },
	{ channel: 'poll', path: '/collab/poll/{event}', access: eventLive },
	// The projector's view is for the staff's laptop; a phone has its own.
	{ channel: 'poll', path: '/collab/poll/{event}/projektion', access: eventProjection },
	{ channel: 'board', path: '/collab/board/{board}', access: eventLive }
];
