import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
function random(seed: number) {
	let state = seed >>> 0;
	const next = () => { state = (state + 0x6d2b79f5) >>> 0; let t = state; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
	return { next, int: (below: number) => Math.floor(next() * below), bytes(length: number) { return Uint8Array.from({ length }, () => Math.floor(next() * 256)); } };
}
const doc = new Y.Doc(); const p = new Y.XmlElement('paragraph'); p.insert(0, [new Y.XmlText('Ein ganz normaler Absatz mit etwas Text.')]); doc.getXmlFragment('default').push([p]);
const s1 = encoding.createEncoder(); encoding.writeVarUint(s1, 0); syncProtocol.writeSyncStep1(s1, doc);
const aw = new awarenessProtocol.Awareness(doc); aw.setLocalState({ user: { name: 'Fuzz', color: '#000000' } });
const e1 = encoding.createEncoder(); encoding.writeVarUint(e1,0); syncProtocol.writeUpdate(e1, Y.encodeStateAsUpdate(doc));
const e2 = encoding.createEncoder(); encoding.writeVarUint(e2,1); encoding.writeVarUint8Array(e2, awarenessProtocol.encodeAwarenessUpdate(aw,[doc.clientID]));
const samples = [encoding.toUint8Array(e1), encoding.toUint8Array(s1), encoding.toUint8Array(e2)];
const rng = random(20261130);
for (let round = 0; round < 120; round++) {
	const kind = round % 4; let message: Uint8Array;
	if (kind === 0) message = rng.bytes(1 + rng.int(600));
	else { const sample = samples[rng.int(samples.length)];
		if (kind === 1) message = sample.slice(0, 1 + rng.int(sample.length - 1));
		else if (kind === 2) { message = sample.slice(); for (let f = 1 + rng.int(4); f > 0; f--) message[rng.int(message.length)] ^= 1 << rng.int(8); }
		else message = Uint8Array.from([rng.int(2), ...rng.bytes(rng.int(200))]); }
	const d = decoding.createDecoder(message);
	try { const type = decoding.readVarUint(d); if (type !== 1) continue; const u = decoding.readVarUint8Array(d); const dd = decoding.createDecoder(u); const n = decoding.readVarUint(dd);
		const entries = []; for (let i = 0; i < n; i++) { const id = decoding.readVarUint(dd); const clock = decoding.readVarUint(dd); const str = decoding.readVarString(dd); let st; try { st = JSON.parse(str); } catch { st = 'BADJSON'; } entries.push([id, clock, JSON.stringify(st).slice(0,60)]); }
		console.log(round, kind, 'n=', n, JSON.stringify(entries).slice(0, 300));
	} catch (e) { }
}
