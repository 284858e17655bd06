// The resolutions as uploaded PDFs: checked by their first bytes (not by the name or the type the
// browser claims), kept under DATA_DIR with a random name, read back only through a members' route.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const resolutionMaxBytes = 10 * 1024 * 1024;
const pdfMagic = Buffer.from('%PDF-', 'ascii');

export type ResolutionUpload = { bytes: Buffer; fileName: string };
export type ResolutionCheck =
	{ ok: true; upload: ResolutionUpload | null } | { ok: false; message: string };

/** An empty file input sends a nameless empty file: that means "no resolution". */
export async function checkResolutionUpload(file: File | null): Promise<ResolutionCheck> {
	if (!file || (file.size === 0 && file.name === '')) return { ok: true, upload: null };
	if (file.size > resolutionMaxBytes) {
		return {
			ok: false,
			message: `Der Beschluss als PDF darf höchstens ${resolutionMaxBytes / 1024 / 1024} MB groß sein.`
		};
	}
	const bytes = Buffer.from(await file.arrayBuffer());
	if (bytes.length < pdfMagic.length || !bytes.subarray(0, pdfMagic.length).equals(pdfMagic)) {
		return {
			ok: false,
			message: 'Die Datei ist kein PDF. Bitte laden Sie den Beschluss als PDF hoch.'
		};
	}
	const fileName = path
		.basename(file.name)
		.replace(/[^\p{L}\p{N}._ -]/gu, '_')
		.slice(0, 120);
	return { ok: true, upload: { bytes, fileName: fileName || 'beschluss.pdf' } };
}

function resolutionDir(dataDir: string): string {
	return path.join(dataDir, 'beschluesse');
}

/** Writes the file and returns its stored name. */
export function storeResolution(dataDir: string, bytes: Buffer): string {
	const dir = resolutionDir(dataDir);
	mkdirSync(dir, { recursive: true });
	const stored = `${randomUUID()}.pdf`;
	writeFileSync(path.join(dir, stored), bytes, { flag: 'wx' });
	return stored;
}

/** For a record that could not be written after all: its file must not stay behind. */
export function discardResolution(dataDir: string, stored: string): void {
	rmSync(path.join(resolutionDir(dataDir), path.basename(stored)), { force: true });
}

/** The stored file, or null when it is gone (a restored backup without its files). */
export function readResolution(dataDir: string, stored: string): Buffer | null {
	try {
		return readFileSync(path.join(resolutionDir(dataDir), path.basename(stored)));
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw err;
	}
}
