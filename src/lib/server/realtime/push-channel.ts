// A live channel on which the server pushes state: comments and consensus of a document, the
// polls of an event, a board. Connections are grouped by what they watch (a document, an event,
// a board); each has its viewer (who they are, what view they asked for). After a change, the
// group's state is read once and shaped per viewer; pushes that come in a burst are folded into
// one. What clients change goes through form actions, or, where a channel takes messages
// (boards), through its receive().
import type { WebSocket } from 'ws';
import { errorFields, log } from '../log';
import type { Action, Resource } from '../policy';
import type { Rate } from '../token-buckets';
import type { ChannelPath } from './channel-path';
import { sendBounded } from './connection-limits';
import type { ChannelContext, RealtimeChannel } from './realtime-server';
import { closeReasons } from '../../live/close-reasons';

/** A connection the channel will not serve (any more), and the close that tells it why. */
export interface Refusal {
	refused: { code: number; reason: string };
}

export function refusal(code: number, reason: string): Refusal {
	return { refused: { code, reason } };
}

function isRefusal(value: object): value is Refusal {
	return 'refused' in value;
}

export interface PushChannelOptions<Viewer> {
	/** For the log. */
	name: string;
	/** What the actor must be allowed to do to connect. */
	action: Action;
	resource(path: ChannelPath): Resource | undefined;
	/** The group a connection joins and who it is there; asked again after a rights check. */
	viewer(context: ChannelContext): { group: string; viewer: Viewer } | Refusal;
	/** A group's state now, read once: then each viewer's message (or why it is closed). */
	state(group: string): (viewer: Viewer) => string | Refusal;
	/** Pushes within this many milliseconds become one; 0: after the work already queued. */
	foldMs: number;
	/** The state names who is there: joining and leaving push to the whole group. */
	countsViewers?: boolean;
	/** False when what a viewer sees cannot change with a rights check (it is only kept). */
	pushOnAccessCheck?: boolean;
	/** Messages from clients; without it the channel is read-only and closes who speaks. */
	receive?(socket: WebSocket, viewer: Viewer, data: Buffer, isBinary: boolean): void;
	/** How many messages a client may send (see RealtimeChannel). */
	messageRate?: Rate;
	/** Told of every new connection once it joined its group. */
	joined?(socket: WebSocket, viewer: Viewer, group: string): void;
}

/** A push waiting to go out, and whom it must reach: everyone, or those some filter names. */
interface Pending<Viewer> {
	everyone: boolean;
	only: ((viewer: Viewer) => boolean)[];
}

export class PushChannel<Viewer> implements RealtimeChannel {
	readonly action: Action;
	readonly messageRate: Rate | undefined;
	readonly #options: PushChannelOptions<Viewer>;
	readonly #groups = new Map<string, Map<WebSocket, Viewer>>();
	readonly #pending = new Map<string, Pending<Viewer>>();

	constructor(options: PushChannelOptions<Viewer>) {
		this.#options = options;
		this.action = options.action;
		this.messageRate = options.messageRate;
	}

	resource(path: ChannelPath): Resource | undefined {
		return this.#options.resource(path);
	}

	onConnection(socket: WebSocket, context: ChannelContext): void {
		const joining = this.#options.viewer(context);
		if (isRefusal(joining)) {
			socket.close(joining.refused.code, joining.refused.reason);
			return;
		}
		const { group } = joining;
		const sockets = this.#groups.get(group) ?? new Map<WebSocket, Viewer>();
		this.#groups.set(group, sockets);
		sockets.set(socket, joining.viewer);
		const receive = this.#options.receive;
		socket.on('message', (data: Buffer, isBinary: boolean) => {
			const viewer = sockets.get(socket);
			// Closing (a flood, a changed right): what still arrives is not taken.
			if (socket.readyState !== socket.OPEN || viewer === undefined) return;
			if (!receive) {
				socket.close(1003, closeReasons.readOnly);
				return;
			}
			receive(socket, viewer, data, isBinary);
		});
		socket.on('close', () => {
			sockets.delete(socket);
			if (sockets.size === 0) this.#groups.delete(group);
			else if (this.#options.countsViewers) this.push(group);
		});
		if (this.#options.countsViewers) this.push(group);
		else this.#sendNow(group, [[socket, joining.viewer]]);
		this.#options.joined?.(socket, joining.viewer, group);
	}

	updateAccess(socket: WebSocket, context: ChannelContext): void {
		const now = this.#options.viewer(context);
		if (isRefusal(now)) {
			socket.close(now.refused.code, now.refused.reason);
			return;
		}
		const sockets = this.#groups.get(now.group);
		if (!sockets?.has(socket)) return;
		sockets.set(socket, now.viewer);
		if (this.#options.pushOnAccessCheck !== false) this.#sendNow(now.group, [[socket, now.viewer]]);
	}

	/**
	 * Pushes fresh state to the group's viewers (those `only` names) within `foldMs` (the
	 * channel's unless given). A push while another waits joins it, and goes when it goes.
	 */
	push(group: string, only?: (viewer: Viewer) => boolean, foldMs = this.#options.foldMs): void {
		const waiting = this.#pending.get(group);
		if (waiting) {
			if (only) waiting.only.push(only);
			else waiting.everyone = true;
			return;
		}
		this.#pending.set(group, { everyone: !only, only: only ? [only] : [] });
		const flush = () => this.#flush(group);
		if (foldMs > 0) setTimeout(flush, foldMs).unref();
		else setImmediate(flush);
	}

	/** Pushes to every group where someone `only` names is (see push). */
	pushWhere(only: (viewer: Viewer) => boolean, foldMs?: number): void {
		for (const [group, sockets] of this.#groups) {
			if ([...sockets.values()].some(only)) this.push(group, only, foldMs);
		}
	}

	/** Who is in a group now. */
	viewers(group: string): Viewer[] {
		return [...(this.#groups.get(group)?.values() ?? [])];
	}

	#flush(group: string): void {
		const pending = this.#pending.get(group);
		this.#pending.delete(group);
		if (!pending) return;
		const targets = [...(this.#groups.get(group) ?? [])].filter(
			([, viewer]) => pending.everyone || pending.only.some((only) => only(viewer))
		);
		if (targets.length > 0) this.#sendNow(group, targets);
	}

	#sendNow(group: string, targets: [WebSocket, Viewer][]): void {
		try {
			const messageFor = this.#options.state(group);
			for (const [socket, viewer] of targets) {
				const message = messageFor(viewer);
				if (typeof message === 'string') sendBounded(socket, message);
				else socket.close(message.refused.code, message.refused.reason);
			}
		} catch (err) {
			log.error(`${this.#options.name}.publish_failed`, { group, ...errorFields(err) });
		}
	}
}
