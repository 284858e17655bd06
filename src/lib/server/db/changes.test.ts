import { describe, expect, it } from 'vitest';
import { announce, listen, type Change } from './changes';
import { transaction } from './database';
import { createTestDatabase } from './test-database';

function recorder() {
	const db = createTestDatabase();
	const heard: Change[] = [];
	const stop = listen(db, (change) => heard.push(change));
	return { db, heard, stop };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('change feed', () => {
	it('tells listeners after the current work, once per topic and target', async () => {
		const { db, heard } = recorder();
		announce(db, { topic: 'comments', documentId: 'a' });
		announce(db, { topic: 'comments', documentId: 'a' });
		announce(db, { topic: 'comments', documentId: 'b' });
		announce(db, { topic: 'access' });
		expect(heard).toEqual([]);
		await settled();
		expect(heard).toEqual([
			{ topic: 'comments', documentId: 'a' },
			{ topic: 'comments', documentId: 'b' },
			{ topic: 'access' }
		]);
	});

	it('tells a committed transaction’s changes, and nothing of a rolled-back one', async () => {
		const { db, heard } = recorder();
		transaction(db, (tx) => {
			announce(tx, { topic: 'polls', eventId: 'e1' });
			transaction(tx, (inner) => announce(inner, { topic: 'attendance', eventId: 'e1' }));
		});
		expect(() =>
			transaction(db, (tx) => {
				announce(tx, { topic: 'polls', eventId: 'e2' });
				throw new Error('abgebrochen');
			})
		).toThrow('abgebrochen');
		await settled();
		expect(heard).toEqual([
			{ topic: 'polls', eventId: 'e1' },
			{ topic: 'attendance', eventId: 'e1' }
		]);
	});

	it('keeps databases apart and stops when asked', async () => {
		const first = recorder();
		const second = recorder();
		announce(first.db, { topic: 'consensus', documentId: 'd' });
		first.stop();
		announce(first.db, { topic: 'consensus', documentId: 'x' });
		await settled();
		expect(first.heard).toEqual([]);
		expect(second.heard).toEqual([]);
	});
});
