// Live boards: /collab/board/<id>. Everyone on a board gets its state; changes arrive as
// commands, are checked and written by commands.ts, and the new state goes to everyone: a hall
// sending dozens of dots at once gets one new state per board, not one per dot.
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
import { targetOf } from '../realtime/channel-path';
import { sendBounded } from '../realtime/connection-limits';
import type { EventPresence } from '../realtime/event-presence';
import { PushChannel, refusal } from '../realtime/push-channel';
import { boardSnapshot, findBoard, viewOfBoard } from './boards';
import type { BoardRefusal } from '../../boards/types';
import { NewCardLimits } from './card-limits';
import { applyCommand, parseCommand, type CommandAuthor } from './commands';
import { closeReasons } from '../../live/close-reasons';

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

export interface BoardChannel extends PushChannel<Connection> {
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
	const newCards = new NewCardLimits({
		perAuthor: limits.cardsPerParticipantRate,
		perBoardAndAddress: limits.cardsPerBoardAndAddress
	});

	/** How many people are on a board now. */
	function presence(boardId: string): number {
		return new Set(channel.viewers(boardId).map((c) => c.author.key)).size;
	}

	/** The German sentence goes along with the code the browser translates by. */
	function refuse(socket: WebSocket, ref: unknown, { message, code, params }: BoardRefusal) {
		sendBounded(
			socket,
			JSON.stringify({
				type: 'refused',
				ref: typeof ref === 'number' ? ref : null,
				message,
				code,
				params
			})
		);
	}

	function handle(socket: WebSocket, connection: Connection, data: Buffer, isBinary: boolean) {
		const now = Date.now();
		if (isBinary || data.length > maxMessageBytes) {
			socket.close(1003, closeReasons.shortTextOnly);
			return;
		}
		let message: { ref?: unknown; command?: unknown };
		try {
			message = JSON.parse(data.toString('utf8'));
		} catch {
			refuse(socket, null, { message: 'Diese Nachricht ist unlesbar.', code: 'unreadable' });
			return;
		}
		const parsed = parseCommand(message?.command);
		if (!parsed.ok) {
			refuse(socket, message?.ref, parsed);
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
			refuse(socket, message.ref, result);
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
		channel.push(connection.boardId);
	}

	const channel = new PushChannel<Connection>({
		name: 'board',
		action: 'event:live',
		// A burst of commands is fine, a flood is closed.
		messageRate: { burst: 100, perSecond: 10 },
		resource(path) {
			const target = targetOf(path);
			const found = target && findBoard(db, target.id);
			const eventRow = found && findEvent(db, found.eventId);
			return eventRow ? eventResource(eventRow) : undefined;
		},
		viewer({ actor, resource, path, url, address }) {
			const boardId = targetOf(path)?.id;
			const author = authorFor(db, actor, resource);
			if (!boardId || !author || resource.type !== 'event') {
				return refusal(4403, closeReasons.forbidden);
			}
			const connection: Connection = {
				boardId,
				eventId: resource.eventId,
				author,
				address,
				projection: url.searchParams.get('ansicht') === 'projektion'
			};
			return { group: boardId, viewer: connection };
		},
		state(boardId) {
			const snapshot = boardSnapshot(db, boardId);
			const present = presence(boardId);
			let attendance: ReturnType<typeof eventAttendance> | undefined;
			return (connection) => {
				if (!snapshot) return refusal(4404, closeReasons.boardDeleted);
				const view = viewOfBoard(
					db,
					snapshot,
					connection.projection
						? { key: '', kind: connection.author.kind, moderator: false }
						: connection.author
				);
				// Staff see who is at the event (the projector shows it); participants do not.
				const seen =
					connection.author.kind === 'participant'
						? undefined
						: (attendance ??= eventAttendance(db, eventPresence, connection.eventId));
				return JSON.stringify({ type: 'state', board: view, present, attendance: seen });
			};
		},
		foldMs: 0,
		countsViewers: true,
		receive(socket, connection, data, isBinary) {
			try {
				handle(socket, connection, data, isBinary);
			} catch (err) {
				log.error('board.command_failed', { error: String(err) });
				refuse(socket, null, {
					message: 'Das hat nicht geklappt. Bitte versuchen Sie es noch einmal.',
					code: 'failed'
				});
			}
		},
		joined(socket, connection) {
			eventPresence.track(
				socket,
				connection.eventId,
				connection.author.kind === 'participant' ? connection.author.key : null
			);
		}
	});

	return Object.assign(channel, {
		publishAttendance(eventId: string) {
			channel.pushWhere(
				(connection) => connection.eventId === eventId && connection.author.kind !== 'participant',
				attendanceDelayMs
			);
		}
	});
}
