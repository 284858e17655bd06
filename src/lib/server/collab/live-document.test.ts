import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { LiveDocument, type LiveDocumentStore } from './live-document';

/** A store in memory that folds like the real one and can be made to fail. */
class MemoryStore implements LiveDocumentStore {
	rows = new Map<string, Uint8Array[]>();
	failing = false;
	compactions = 0;
	load(name: string) {
		return [...(this.rows.get(name) ?? [])];
	}
	append(name: string, update: Uint8Array) {
		if (this.failing) throw new Error('Platte voll');
		this.rows.set(name, [...this.load(name), update]);
	}
	compact(name: string, state: Uint8Array) {
		this.compactions += 1;
		this.rows.set(name, [state]);
		return state.length;
	}
	bytes(name: string) {
		return this.load(name).reduce((sum, update) => sum + update.length, 0);
	}
	text(name: string) {
		const ydoc = new Y.Doc();
		for (const update of this.load(name)) Y.applyUpdate(ydoc, update);
		return ydoc.getText('t').toString();
	}
}

/** A client's change as it would send it. */
function clientChange(edit: (text: Y.Text) => void, base?: Y.Doc): Uint8Array {
	const ydoc = new Y.Doc();
	if (base) Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(base));
	const before = Y.encodeStateVector(ydoc);
	edit(ydoc.getText('t'));
	return Y.encodeStateAsUpdate(ydoc, before);
}

afterEach(() => {
	vi.useRealTimers();
});

function open(store: MemoryStore, limits: { maxStoredBytes?: number; compactEvery?: number } = {}) {
	const told: { update: Uint8Array; origin: unknown }[] = [];
	let lost = 0;
	const document = new LiveDocument('d1', {
		store,
		maxStoredBytes: limits.maxStoredBytes ?? 1 << 20,
		compactEvery: limits.compactEvery ?? 500,
		quietMs: 1000,
		stored: (update, origin) => told.push({ update, origin }),
		lost: () => (lost += 1)
	});
	return { document, told, lost: () => lost };
}

describe('a live document', () => {
	it('loads what is stored, without storing it again or telling anyone', () => {
		const store = new MemoryStore();
		store.append(
			'd1',
			clientChange((t) => t.insert(0, 'Leitbild'))
		);
		const { document, told } = open(store);
		expect(document.ydoc.getText('t').toString()).toBe('Leitbild');
		expect(store.load('d1')).toHaveLength(1);
		expect(told).toEqual([]);
		expect(document.storedBytes).toBe(store.bytes('d1'));
	});

	it('stores a client’s change before it tells of it, with the client as origin', () => {
		const store = new MemoryStore();
		const { document, told } = open(store);
		const client = {};
		expect(
			document.applyClientUpdate(
				clientChange((t) => t.insert(0, 'Kreis Unna')),
				client
			)
		).toBe(true);
		expect(store.text('d1')).toBe('Kreis Unna');
		expect(told).toHaveLength(1);
		expect(told[0].origin).toBe(client);
	});

	it('refuses a change it has no room for, and stores nothing of it', () => {
		const store = new MemoryStore();
		const { document, told } = open(store, { maxStoredBytes: 2000 });
		expect(
			document.applyClientUpdate(
				clientChange((t) => t.insert(0, 'x'.repeat(1500))),
				{}
			)
		).toBe(true);
		const refused = clientChange((t) => t.insert(0, 'y'.repeat(1500)), document.ydoc);
		expect(document.applyClientUpdate(refused, {})).toBe(false);
		expect(store.text('d1')).toBe('x'.repeat(1500));
		expect(document.ydoc.getText('t').toString()).toBe('x'.repeat(1500));
		expect(told).toHaveLength(1);
	});

	it('compacts to make room for a change, at most once a minute', () => {
		const store = new MemoryStore();
		const { document } = open(store, { maxStoredBytes: 2500 });
		for (let i = 0; i < 4; i++) {
			document.applyClientUpdate(
				clientChange((t) => t.insert(0, 'w'.repeat(500)), document.ydoc),
				{},
				0
			);
		}
		document.applyClientUpdate(
			clientChange((t) => t.delete(0, t.length), document.ydoc),
			{},
			0
		);
		const large = clientChange((t) => t.insert(0, 'Neu '.repeat(200)), document.ydoc);
		expect(document.applyClientUpdate(large, {}, 60_000)).toBe(true);
		expect(store.compactions).toBe(1);
		expect(store.text('d1')).toBe('Neu '.repeat(200));
		// Full again within the minute: refused without compacting again.
		const next = clientChange((t) => t.insert(0, 'z'.repeat(3000)), document.ydoc);
		expect(document.applyClientUpdate(next, {}, 90_000)).toBe(false);
		expect(store.compactions).toBe(1);
	});

	it('compacts once enough changes are stored and a quiet second passed, not during a burst', () => {
		vi.useFakeTimers();
		const store = new MemoryStore();
		const { document } = open(store, { compactEvery: 3 });
		const type = (word: string) => document.change((ydoc) => ydoc.getText('t').insert(0, word));
		for (const word of ['a', 'b', 'c']) type(word);
		expect(store.compactions).toBe(0);
		// Typing goes on: each change restarts the wait.
		for (const word of ['d', 'e', 'f']) {
			vi.advanceTimersByTime(900);
			type(word);
		}
		expect(store.compactions).toBe(0);
		vi.advanceTimersByTime(1000);
		expect(store.compactions).toBe(1);
		expect(store.load('d1')).toHaveLength(1);
		expect(store.text('d1')).toBe('fedcba');
		// Nothing new, nothing to fold.
		vi.advanceTimersByTime(5000);
		expect(store.compactions).toBe(1);
	});

	it('compacts from its live state: the one row decodes to the same document', () => {
		vi.useFakeTimers();
		const store = new MemoryStore();
		const { document } = open(store, { compactEvery: 2 });
		const list = document.ydoc.getArray<string>('a');
		document.change((ydoc) => ydoc.getText('t').insert(0, 'Kreis '));
		document.change((ydoc) => ydoc.getText('t').insert(6, 'Unna'));
		document.change(() => list.push(['eins', 'zwei']));
		document.change((ydoc) => ydoc.getText('t').delete(0, 6));
		vi.advanceTimersByTime(1000);
		expect(store.load('d1')).toHaveLength(1);
		const reloaded = new Y.Doc();
		Y.applyUpdate(reloaded, store.load('d1')[0]);
		expect(reloaded.getText('t').toString()).toBe('Unna');
		expect(reloaded.getArray('a').toArray()).toEqual(['eins', 'zwei']);
		expect(Y.encodeStateVector(reloaded)).toEqual(Y.encodeStateVector(document.ydoc));
		expect(document.storedBytes).toBe(store.bytes('d1'));
	});

	it('compacts writers who never pause, after ten times the due count', () => {
		vi.useFakeTimers();
		const store = new MemoryStore();
		const { document } = open(store, { compactEvery: 2 });
		for (let i = 0; i < 19; i++) {
			document.change((ydoc) => ydoc.getText('t').insert(0, 'x'));
			vi.advanceTimersByTime(500);
		}
		expect(store.compactions).toBe(0);
		document.change((ydoc) => ydoc.getText('t').insert(0, 'x'));
		expect(store.compactions).toBe(0);
		// Right after the current relay, not after a quiet second.
		vi.advanceTimersByTime(0);
		expect(store.compactions).toBe(1);
		expect(store.text('d1')).toBe('x'.repeat(20));
	});

	it('greets and answers a fresh client from the stored state, applying it when needed', () => {
		vi.useFakeTimers();
		const store = new MemoryStore();
		const base = new Y.Doc();
		base.getText('t').insert(0, 'Leitbild');
		store.append('d1', Y.encodeStateAsUpdate(base));
		const { document, told } = open(store, { compactEvery: 1 });
		expect(document.stateVector()).toEqual(Y.encodeStateVector(base));
		expect(document.stateFor(Y.encodeStateVector(new Y.Doc()))).toBe(store.load('d1')[0]);
		// A fresh client's answer to the greeting carries nothing: nothing to apply or store.
		const nothing = Y.encodeStateAsUpdate(new Y.Doc(), document.stateVector());
		expect(document.applyClientUpdate(nothing, {})).toBe(true);
		expect(store.load('d1')).toHaveLength(1);
		expect(told).toEqual([]);

		const edit = clientChange((t) => t.insert(8, ' 2030'), base);
		expect(document.applyClientUpdate(edit, {})).toBe(true);
		expect(document.ydoc.getText('t').toString()).toBe('Leitbild 2030');
		expect(store.text('d1')).toBe('Leitbild 2030');
		vi.advanceTimersByTime(1000);
		expect(store.load('d1')).toHaveLength(1);
		expect(store.text('d1')).toBe('Leitbild 2030');
	});

	it('gives a fresh client the stored state as it is, until a change comes', () => {
		const store = new MemoryStore();
		store.append(
			'd1',
			clientChange((t) => t.insert(0, 'Leitbild'))
		);
		const { document } = open(store);
		const empty = Y.encodeStateVector(new Y.Doc());
		expect(document.stateFor(empty)).toBe(store.load('d1')[0]);
		document.change((ydoc) => ydoc.getText('t').insert(8, ' 2030'));
		const fresh = new Y.Doc();
		Y.applyUpdate(fresh, document.stateFor(empty));
		expect(fresh.getText('t').toString()).toBe('Leitbild 2030');
		// A client with some state gets only what it lacks.
		const partial = new Y.Doc();
		Y.applyUpdate(partial, store.load('d1')[0]);
		Y.applyUpdate(partial, document.stateFor(Y.encodeStateVector(partial)));
		expect(partial.getText('t').toString()).toBe('Leitbild 2030');
	});

	it('folds a long history left uncompacted once it first rests, without waiting for a change', () => {
		vi.useFakeTimers();
		const store = new MemoryStore();
		const writer = new Y.Doc();
		writer.on('update', (update: Uint8Array) => store.append('d1', update));
		for (let i = 0; i < 30; i++) writer.getText('t').insert(i, String(i % 10));
		const { document } = open(store, { compactEvery: 10 });
		// Not on the way to the first reply: the fresh client is answered first.
		expect(store.compactions).toBe(0);
		const fresh = new Y.Doc();
		Y.applyUpdate(fresh, document.stateFor(Y.encodeStateVector(new Y.Doc())));
		expect(fresh.getText('t').toString()).toBe(writer.getText('t').toString());
		vi.advanceTimersByTime(999);
		expect(store.compactions).toBe(0);
		vi.advanceTimersByTime(1);
		expect(store.compactions).toBe(1);
		expect(store.load('d1')).toHaveLength(1);
		expect(store.text('d1')).toBe(writer.getText('t').toString());
		expect(document.storedBytes).toBe(store.bytes('d1'));
		// Changes after it are stored on top.
		expect(
			document.applyClientUpdate(
				clientChange((t) => t.insert(0, 'Neu: '), writer),
				{}
			)
		).toBe(true);
		expect(store.text('d1')).toBe(`Neu: ${writer.getText('t').toString()}`);
	});

	it('does not fold a short history left uncompacted until enough changes come', () => {
		vi.useFakeTimers();
		const store = new MemoryStore();
		const writer = new Y.Doc();
		writer.on('update', (update: Uint8Array) => store.append('d1', update));
		for (let i = 0; i < 5; i++) writer.getText('t').insert(i, 'x');
		open(store, { compactEvery: 10 });
		vi.advanceTimersByTime(5000);
		expect(store.compactions).toBe(0);
		expect(store.load('d1')).toHaveLength(5);
	});

	it('encodes its state once for fresh clients until a change comes; compaction stores that', () => {
		const store = new MemoryStore();
		const writer = new Y.Doc();
		writer.on('update', (update: Uint8Array) => store.append('d1', update));
		writer.getText('t').insert(0, 'Leitbild');
		writer.getText('t').insert(8, ' 2030');
		const { document } = open(store);
		const empty = Y.encodeStateVector(new Y.Doc());
		const first = document.stateFor(empty);
		expect(document.stateFor(empty)).toBe(first);
		document.compact();
		expect(store.load('d1')).toEqual([first]);
		document.change((ydoc) => ydoc.getText('t').insert(0, 'Unser '));
		const after = document.stateFor(empty);
		expect(after).not.toBe(first);
		const fresh = new Y.Doc();
		Y.applyUpdate(fresh, after);
		expect(fresh.getText('t').toString()).toBe('Unser Leitbild 2030');
	});

	it('says so when a change could not be stored, and does not tell of it', () => {
		const store = new MemoryStore();
		const { document, told, lost } = open(store);
		store.failing = true;
		document.change((ydoc) => ydoc.getText('t').insert(0, 'verloren'));
		expect(lost()).toBe(1);
		expect(told).toEqual([]);
	});

	it('compacts when unloaded, unless its state is not to be trusted', () => {
		const store = new MemoryStore();
		const first = open(store);
		first.document.change((ydoc) => ydoc.getText('t').insert(0, 'a'));
		first.document.change((ydoc) => ydoc.getText('t').insert(1, 'b'));
		first.document.unload(false);
		expect(store.compactions).toBe(0);
		const second = open(store);
		second.document.unload();
		expect(store.compactions).toBe(1);
		expect(store.load('d1')).toHaveLength(1);
		expect(store.text('d1')).toBe('ab');
	});
});

describe('a live document’s timings', () => {
	it('times each stored update and each compaction that folds something, not a failed store', () => {
		const store = new MemoryStore();
		const appended: number[] = [];
		const compacted: number[] = [];
		const document = new LiveDocument('d1', {
			store,
			maxStoredBytes: 1 << 20,
			compactEvery: 500,
			stored: () => {},
			lost: () => {},
			timings: {
				appended: (seconds) => appended.push(seconds),
				compacted: (seconds) => compacted.push(seconds)
			}
		});
		document.applyClientUpdate(
			clientChange((t) => t.insert(0, 'Leitbild')),
			'client'
		);
		document.change((ydoc) => ydoc.getText('t').insert(0, 'Unser '));
		expect(appended).toHaveLength(2);
		expect(appended.every((seconds) => seconds >= 0)).toBe(true);
		document.compact();
		document.compact();
		expect(compacted).toHaveLength(1);
		store.failing = true;
		document.change((ydoc) => ydoc.getText('t').insert(0, '!'));
		expect(appended).toHaveLength(2);
		document.unload(false);
	});
});
