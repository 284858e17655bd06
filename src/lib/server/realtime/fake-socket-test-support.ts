// For unit tests of live channels: a socket as a channel sees one, without a network. It records
// what it is sent and how it was closed; tests push messages in with receive().
import { EventEmitter } from 'node:events';

export class FakeSocket<Message extends string | Uint8Array = string> extends EventEmitter {
	readonly OPEN = 1;
	readyState = 1;
	bufferedAmount = 0;
	binaryType = 'nodebuffer';
	sent: Message[] = [];
	closedWith: { code: number; reason: string } | null = null;

	send(data: Message, done?: (err?: Error) => void) {
		this.sent.push(data);
		done?.();
	}
	close(code: number, reason: string) {
		if (this.readyState !== this.OPEN) return;
		this.readyState = 3;
		this.closedWith = { code, reason };
		this.emit('close', code, reason);
	}
	terminate() {
		this.close(1006, '');
	}
	ping() {}
	receive(message: Uint8Array) {
		this.emit('message', Buffer.from(message), true);
	}
}
