import * as awarenessProtocol from 'y-protocols/awareness';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodePresenceUpdate } from './presence-update';
import { departedMemoryMs, PresenceGuard } from './presence-guard';

const caret = (name: string, padding = 0) => ({
	user: { name, color: '#1d4ed8' },
	pad: 'p'.repeat(padding)
});

/** A presence update as a client sends it. */
function update(entries: [clientId: number, state: Record<string, unknown> | null][], clock = 1) {
	return encodePresenceUpdate(
		entries.map(([clientId, state]) => ({ clientId, clock, state, bytes: 0 }))
	);
}

function guard(limits: { documentBytes?: number } = {}) {
	const told: Uint8Array[] = [];
	const presence = new PresenceGuard<string>(
		'd1',
		new Y.Doc(),
		{ stateBytes: 1024, documentBytes: limits.documentBytes ?? 64 << 10, clientsPerConnection: 4 },
		(change) => told.push(change)
	);
	const names = () =>
		[...presence.awareness.getStates().entries()]
			.map(([id, state]) => `${id}:${(state as { user: { name: string } }).user.name}`)
			.sort();
	return { presence, told, names };
}

describe('the presence guard', () => {
	it('takes a connection’s own presence and tells everyone', () => {
		const { presence, told, names } = guard();
		presence.join('a', 'emil');
		expect(presence.receive('a', update([[1, caret('Emil')]]))).toBeNull();
		expect(names()).toEqual(['1:Emil']);
		expect(told).toHaveLength(1);
		const other = new awarenessProtocol.Awareness(new Y.Doc());
		awarenessProtocol.applyAwarenessUpdate(other, presence.everyone()!, null);
		expect(other.getStates().has(1)).toBe(true);
	});

	it('lets nobody move or remove another person’s caret, but the same person may', () => {
		const { presence, names } = guard();
		presence.join('emil-1', 'emil');
		presence.join('vera', 'vera');
		presence.join('emil-2', 'emil');
		presence.receive('emil-1', update([[1, caret('Emil')]]));
		presence.receive('vera', update([[1, caret('Vera war hier')]], 2));
		presence.receive('vera', update([[1, null]], 2));
		expect(names()).toEqual(['1:Emil']);
		presence.receive('emil-2', update([[1, caret('Emil, neu verbunden')]], 2));
		expect(names()).toEqual(['1:Emil, neu verbunden']);
	});

	it('says to close a connection with too large a state or too many clients', () => {
		const { presence } = guard();
		presence.join('a', 'emil');
		expect(presence.receive('a', update([[1, caret('Emil', 2000)]]))).toEqual({
			code: 4400,
			reason: 'Anwesenheitsangabe zu groß.'
		});
		presence.join('b', 'vera');
		expect(
			presence.receive('b', update([2, 3, 4, 5].map((id) => [id, caret(`K${id}`)])))
		).toBeNull();
		expect(presence.receive('b', update([[6, caret('K6')]]))).toEqual({
			code: 4429,
			reason: 'Zu viele Anwesenheitsangaben über eine Verbindung.'
		});
	});

	it('drops new presence past the document’s budget, and takes renewals', () => {
		const { presence, names } = guard({ documentBytes: 2000 });
		presence.join('a', 'emil');
		presence.join('b', 'vera');
		presence.receive('a', update([[1, caret('Emil', 900)]]));
		presence.receive('b', update([[2, caret('Vera', 900)]]));
		presence.receive('b', update([[3, caret('Vera zwei', 900)]]));
		expect(names()).toEqual(['1:Emil', '2:Vera']);
		presence.receive('a', update([[1, caret('Emil wieder', 900)]], 2));
		expect(names()).toEqual(['1:Emil wieder', '2:Vera']);
	});

	it('forgets a closed connection’s presence, unless another renewed it meanwhile', () => {
		const { presence, names } = guard({ documentBytes: 2000 });
		presence.join('old', 'emil');
		presence.join('vera', 'vera');
		presence.receive('old', update([[1, caret('Emil', 900)]]));
		presence.receive('vera', update([[2, caret('Vera', 900)]]));
		presence.join('new', 'emil');
		presence.receive('new', update([[1, caret('Emil', 900)]], 2));
		presence.leave('old');
		expect(names()).toEqual(['1:Emil', '2:Vera']);
		presence.leave('vera');
		expect(names()).toEqual(['1:Emil']);
		presence.join('sina', 'sina');
		presence.receive('sina', update([[9, caret('Sina', 900)]]));
		expect(names()).toEqual(['1:Emil', '9:Sina']);
	});

	it('lets no late echo bring back a departed client, nor count against the echoing connection', () => {
		const { presence, told, names } = guard();
		presence.join('emil', 'emil');
		presence.join('vera', 'vera');
		presence.receive('emil', update([[1, caret('Emil')]]));
		presence.receive('vera', update([[2, caret('Vera')]]));
		presence.leave('emil');
		const toldBefore = told.length;
		// Vera's client sends back what it was told before Emil left.
		expect(presence.receive('vera', update([[1, caret('Emil')]]))).toBeNull();
		expect(names()).toEqual(['2:Vera']);
		expect(told).toHaveLength(toldBefore);
		// The same person's other tab echoes four departed clients: no fifth client, no close.
		presence.join('flood', 'vera');
		presence.receive('flood', update([3, 4, 5, 6].map((id) => [id, caret(`K${id}`)])));
		presence.leave('flood');
		expect(
			presence.receive('vera', update([3, 4, 5, 6].map((id) => [id, caret(`K${id}`)])))
		).toBeNull();
		expect(names()).toEqual(['2:Vera']);
		// A departed client that moved on (a newer clock) is news.
		expect(presence.receive('vera', update([[3, caret('K3 weiter')]], 2))).toBeNull();
		expect(names()).toEqual(['2:Vera', '3:K3 weiter']);
	});

	it('takes a reconnecting browser’s renewal at its last clock, from the same person', () => {
		const { presence, names } = guard();
		presence.join('old', 'emil');
		presence.receive('old', update([[1, caret('Emil')]], 3));
		presence.leave('old');
		presence.join('vera', 'vera');
		expect(presence.receive('vera', update([[1, caret('Emil')]], 3))).toBeNull();
		expect(names()).toEqual([]);
		presence.join('new', 'emil');
		expect(presence.receive('new', update([[1, caret('Emil')]], 3))).toBeNull();
		expect(names()).toEqual(['1:Emil']);
	});

	it('remembers departed clients only for a while', () => {
		const { presence, names } = guard();
		presence.join('emil', 'emil');
		presence.receive('emil', update([[1, caret('Emil')]]));
		presence.leave('emil', 0);
		presence.join('sina', 'sina');
		presence.receive('sina', update([[9, caret('Sina')]]));
		presence.leave('sina', departedMemoryMs);
		// Emil's client is forgotten: an echo now reads as a client nobody has (and is taken).
		presence.join('vera', 'vera');
		presence.receive('vera', update([[1, caret('Emil')]]));
		expect(names()).toEqual(['1:Emil']);
		// Sina's, which left later, is still remembered.
		presence.receive('vera', update([[9, caret('Sina')]]));
		expect(names()).toEqual(['1:Emil']);
	});

	it('lets a reconnecting browser’s caret back into a full document, no bigger than it was', () => {
		const { presence, names } = guard({ documentBytes: 2000 });
		presence.join('old', 'emil');
		presence.join('vera', 'vera');
		presence.receive('old', update([[1, caret('Emil', 600)]], 3));
		presence.leave('old');
		// While Emil is away, Vera's carets fill the document.
		presence.receive('vera', update([[2, caret('Vera', 900)]]));
		presence.receive('vera', update([[3, caret('Vera zwei', 900)]]));
		expect(names()).toEqual(['2:Vera', '3:Vera zwei']);
		presence.join('new', 'emil');
		expect(presence.receive('new', update([[1, caret('Emil', 900)]], 3))).toBeNull();
		expect(names()).toEqual(['2:Vera', '3:Vera zwei']);
		presence.receive('new', update([[1, caret('Emil', 600)]], 3));
		expect(names()).toEqual(['1:Emil', '2:Vera', '3:Vera zwei']);
	});
});
