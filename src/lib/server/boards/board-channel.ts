// Live boards: /collab/board/<id>. Everyone on a board gets its state; changes arrive as
// commands, are checked and written by commands.ts, and the new state goes to everyone.
import type { WebSocket } from 'ws';
import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../db/database';
import { participant } from '../db/schema';
import { findUser } from '../accounts/members';
import type { LiveLimits } from '../live-limits';
import { log } from '../log';
import { can, eventResource, type Actor, type Resource } from '../policy';
import { findEvent } from '../events/events';
import { eventAttendance } from '../events/attendance';
import { sendBounded } from '../realtime/connection-limits';
import type { EventPresence } from '../realtime/event-presence';
import type { ChannelContext, RealtimeChannel } from '../realtime/realtime-server';
import { boardSnapshot, findBoard, viewOfBoard, type BoardSnapshot } from './boards';
import { NewCardLimits } from './card-limits';
import { applyCommand, parseCommand, type CommandAuthor } from './commands';

/** A command is a small JSON object; anything larger is not one. */
const maxMessageBytes = 4096;

interface Connection {
	boardId: string;
	eventId: string;
	author: CommandAuthor;
	/** The client's address key, for the pace of new cards per board and address. */
	address: string;
	/** The wall in the hall: it sees what participants see, whoever opened it. */
	projection: boolean;
}

export interface BoardChannel extends RealtimeChannel {
	/** How many people are on a board now. */
	presence(boardId: string): number;
	/** Sends fresh numbers of who is at the event to the staff on its boards (the projector). */
	publishAttendance(eventId: string): void;
}

/** Phones joining by the dozen become one message to the projector. */
const attendanceDelayMs = 150;

function authorFor(db: AppDatabase, actor: Actor, resource: Resource): CommandAuthor | undefined {
	const moderator = can(actor, 'event:moderate', resource);
	if (actor.kind === 'participant') {
		const row = db.select().from(participant).where(eq(participant.id, actor.participantId)).get();
		if (!row) return undefined;
		return {
			actor,
			key: row.id,
			kind: 'participant',
			moderator,
			displayName: row.displayName,
			affiliationOrganisationId: row.affiliationOrganisationId,
			organisationType: row.organisationType
		};
	}
	if (actor.kind === 'member') {
		return {
			actor,
			key: actor.userId,
			kind: 'member',
			moderator,
			displayName: findUser(db, actor.userId)?.name ?? null,
			affiliationOrganisationId: null,
			organisationType: null
		};
	}
	return undefined;
}

export function boardChannel(
	db: AppDatabase,
	limits: Pick<
		LiveLimits,
		'cardsPerParticipant' | 'cardsPerParticipantRate' | 'cardsPerBoardAndAddress'
	>,
	eventPresence: EventPresence
): BoardChannel {
	const connections = new Map<WebSocket, Connection>();
	/** The sockets on each board, so a change on one board does not walk the whole hall. */
	const byBoard = new Map<string, Set<WebSocket>>();
	/** Boards whose new state is yet to be sent: a burst of commands becomes one broadcast. */
	const pendingBoards = new Set<string>();
	const attendancePending = new Set<string>();
	const newCards = new NewCardLimits({
		perAuthor: limits.cardsPerParticipantRate,
		perBoardAndAddress: limits.cardsPerBoardAndAddress
	});

	function onBoard(boardId: string): [WebSocket, Connection][] {
		return [...(byBoard.get(boardId) ?? [])].map((socket) => [socket, connections.get(socket)!]);
	}

	function presence(boardId: string): number {
		return new Set(onBoard(boardId).map(([, c]) => c.author.key)).size;
	}

	function join(socket: WebSocket, connection: Connection) {
		connections.set(socket, connection);
		const sockets = byBoard.get(connection.boardId);
		if (sockets) sockets.add(socket);
		else byBoard.set(connection.boardId, new Set([socket]));
	}

	function leave(socket: WebSocket, boardId: string) {
		connections.delete(socket);
		const sockets = byBoard.get(boardId);
		sockets?.delete(socket);
		if (sockets?.size === 0) byBoard.delete(boardId);
	}

	/** The shared part of a state is read once per board and moment; each viewer's part is derived. */
	interface Moment {
		snapshot: BoardSnapshot | undefined;
		present: number;
		attendance: Map<string, ReturnType<typeof eventAttendance>>;
	}

	function momentOf(boardId: string): Moment {
		return {
			snapshot: boardSnapshot(db, boardId),
			present: presence(boardId),
			attendance: new Map()
		};
	}

	function sendState(
		socket: WebSocket,
		connection: Connection,
		moment = momentOf(connection.boardId)
	) {
		if (!moment.snapshot) {
			socket.close(4404, 'Pinnwand gelöscht');
			return;
		}
		const view = viewOfBoard(
			db,
			moment.snapshot,
			connection.projection
				? { key: '', kind: connection.author.kind, moderator: false }
				: connection.author
		);
		let attendance: ReturnType<typeof eventAttendance> | undefined;
		if (connection.author.kind !== 'participant') {
			attendance = moment.attendance.get(connection.eventId);
			if (!attendance) {
				attendance = eventAttendance(db, eventPresence, connection.eventId);
				moment.attendance.set(connection.eventId, attendance);
			}
		}
		sendBounded(
			socket,
			JSON.stringify({ type: 'state', board: view, present: moment.present, attendance })
		);
	}

	/** Staff see who is at the event (the projector shows it); fresh numbers go to them only. */
	function publishAttendance(eventId: string) {
		if (attendancePending.has(eventId)) return;
		attendancePending.add(eventId);
		setTimeout(() => {
			attendancePending.delete(eventId);
			for (const [socket, connection] of connections) {
				if (connection.eventId === eventId && connection.author.kind !== 'participant') {
					sendState(socket, connection);
				}
			}
		}, attendanceDelayMs).unref();
	}

	/** Sends the board's state to everyone on it once the commands already received are applied:
	 * a hall sending dozens of dots at once gets one new state per board, not one per dot. */
	function broadcast(boardId: string) {
		if (pendingBoards.has(boardId)) return;
		pendingBoards.add(boardId);
		setImmediate(() => {
			pendingBoards.delete(boardId);
			const sockets = onBoard(boardId);
			if (sockets.length === 0) return;
			const moment = momentOf(boardId);
			for (const [socket, connection] of sockets) {
				if (socket.readyState === socket.OPEN) sendState(socket, connection, moment);
			}
		});
	}

	function refuse(socket: WebSocket, ref: unknown, message: string) {
		sendBounded(
			socket,
			JSON.stringify({ type: 'refused', ref: typeof ref === 'number' ? ref : null, message })
		);
	}

	function handle(socket: WebSocket, connection: Connection, data: Buffer, isBinary: boolean) {
		if (socket.readyState !== socket.OPEN) return;
		const now = Date.now();
		if (isBinary || data.length > maxMessageBytes) {
			socket.close(1003, 'Nur kurze Textnachrichten');
			return;
		}
		let message: { ref?: unknown; command?: unknown };
		try {
			message = JSON.parse(data.toString('utf8'));
		} catch {
			refuse(socket, null, 'Diese Nachricht ist unlesbar.');
			return;
		}
		const parsed = parseCommand(message?.command);
		if (!parsed.ok) {
			refuse(socket, message?.ref, parsed.message);
			return;
		}
		if (parsed.command.type === 'addCard') {
			const wait = newCards.take(connection.author, connection.boardId, connection.address, now);
			if (wait) {
				refuse(socket, message.ref, wait);
				return;
			}
		}
		const result = applyCommand(db, connection.boardId, connection.author, parsed.command, {
			cardsPerAuthor: limits.cardsPerParticipant
		});
		if (!result.ok) {
			refuse(socket, message.ref, result.message);
			return;
		}
		sendBounded(
			socket,
			JSON.stringify({
				type: 'done',
				ref: typeof message.ref === 'number' ? message.ref : null,
				undoId: result.undoId ?? null
			})
		);
		broadcast(connection.boardId);
	}

	return {
		action: 'event:live',
		// A burst of commands is fine, a flood is closed.
		messageRate: { burst: 100, perSecond: 10 },
		resource(url) {
			// /collab/board/<id>
			const [, , id, ...rest] = url.pathname.split('/').filter(Boolean);
			if (!id || rest.length > 0) return undefined;
			const found = findBoard(db, id);
			const eventRow = found && findEvent(db, found.eventId);
			return eventRow ? eventResource(eventRow) : undefined;
		},
		onConnection(socket, context: ChannelContext) {
			const id = context.url.pathname.split('/').filter(Boolean)[2];
			const author = authorFor(db, context.actor, context.resource);
			if (!author || context.resource.type !== 'event') {
				socket.close(4403, 'Keine Berechtigung');
				return;
			}
			const { eventId } = context.resource;
			const connection: Connection = {
				boardId: id,
				eventId,
				author,
				address: context.address,
				projection: context.url.searchParams.get('ansicht') === 'projektion'
			};
			join(socket, connection);
			socket.on('message', (data, isBinary) => {
				try {
					handle(socket, connection, data as Buffer, isBinary);
				} catch (err) {
					log.error('board.command_failed', { error: String(err) });
					refuse(socket, null, 'Das hat nicht geklappt. Bitte versuchen Sie es noch einmal.');
				}
			});
			socket.on('close', () => {
				leave(socket, id);
				broadcast(id);
			});
			broadcast(id);
			eventPresence.track(socket, eventId, author.kind === 'participant' ? author.key : null);
		},
		updateAccess(socket, context) {
			const connection = connections.get(socket);
			const author = authorFor(db, context.actor, context.resource);
			if (!connection) return;
			if (!author) {
				socket.close(4403, 'Keine Berechtigung');
				return;
			}
			connection.author = author;
			sendState(socket, connection);
		},
		presence,
		publishAttendance
	};
}
