// A document's stored history as the editor would have left it: a long text typed character by
// character, then edited by deleting and inserting single characters at random places, one
// stored update each, ending at a fixed length. Written with the app's own update store.
import * as Y from 'yjs';
import { appendUpdate } from '../../src/lib/server/collab/update-store';
import { transaction, type AppDatabase } from '../../src/lib/server/db/database';

const sample =
	'Der Kreis Unna und seine Kommunen setzen sich gemeinsam dafür ein, dass alle Kinder und ' +
	'Familien gute Chancen haben, unabhängig von Herkunft und Einkommen. ';

/** A small seeded generator (mulberry32), so every run builds the same history. */
function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function finalText(ydoc: Y.Doc): string {
	return ydoc
		.getXmlFragment('default')
		.toArray()
		.map((node) => (node instanceof Y.XmlElement ? node.toString().replace(/<[^>]+>/g, '') : ''))
		.join('\n');
}

/**
 * Appends `updateCount` updates to the document; its text ends `finalLength` characters long.
 * Returns the final text, to check what a client receives.
 */
export function writeHistory(
	db: AppDatabase,
	documentId: string,
	updateCount: number,
	finalLength: number
): string {
	if (updateCount < finalLength) throw new Error('Zu wenige Änderungen für die Textlänge.');
	const random = seededRandom(updateCount);
	const ydoc = new Y.Doc();
	const pending: Uint8Array[] = [];
	ydoc.on('update', (update: Uint8Array) => pending.push(update));
	const fragment = ydoc.getXmlFragment('default');
	const paragraph = new Y.XmlElement('paragraph');
	const text = new Y.XmlText();
	// The paragraph arrives with the first typed character, as in the editor.
	ydoc.transact(() => {
		paragraph.insert(0, [text]);
		fragment.insert(0, [paragraph]);
		text.insert(0, sample[0]);
	});
	// Edits come in pairs (delete, insert); an odd remainder is typed first.
	const editCount = updateCount - finalLength;
	const typed = editCount % 2 === 0 ? finalLength : finalLength - 1;
	for (let index = 1; index < typed; index++) text.insert(index, sample[index % sample.length]);
	let edits = updateCount - typed;
	if (typed < finalLength) {
		text.insert(Math.floor(random() * text.length), 'x');
		edits -= 1;
	}
	for (let pair = 0; pair < edits / 2; pair++) {
		text.delete(Math.floor(random() * text.length), 1);
		text.insert(Math.floor(random() * (text.length + 1)), sample[pair % sample.length]);
	}
	const result = finalText(ydoc);
	ydoc.destroy();

	// Stored through the update store, as the live server does, in batches for speed.
	const batch = 5_000;
	for (let start = 0; start < pending.length; start += batch) {
		// The store's statements run on the database itself, inside the transaction.
		transaction(db, () => {
			for (const update of pending.slice(start, start + batch))
				appendUpdate(db, documentId, update);
		});
	}
	return result;
}
