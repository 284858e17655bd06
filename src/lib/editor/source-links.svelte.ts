// The editor's end of linking passages to conference results: it posts to the document page's
// form actions and says what happened, with the one step back ("Rückgängig") that undoes the
// last link or unlink. This undo is its own: the text's undo (Ctrl+Z) only ever touches the
// words, never the links.
import { deserialize } from '$app/forms';
import type { SourceRef } from '$lib/sources/types';

type Outcome = { ok: true; linkId: number } | { ok: false; status: number; message: string };

const unreachable = 'Das hat nicht geklappt. Bitte prüfen Sie die Verbindung.';

async function post(action: string, fields: Record<string, string>): Promise<Outcome> {
	const body = new FormData();
	for (const [name, value] of Object.entries(fields)) body.set(name, value);
	try {
		const response = await fetch(`?/${action}`, {
			method: 'POST',
			body,
			headers: { 'x-sveltekit-action': 'true' }
		});
		const result = deserialize(await response.text());
		if (result.type === 'success') return { ok: true, linkId: Number(result.data?.sourceLinkId) };
		if (result.type === 'failure') {
			return { ok: false, status: result.status, message: String(result.data?.message ?? '') };
		}
		return { ok: false, status: response.status, message: unreachable };
	} catch {
		return { ok: false, status: 0, message: unreachable };
	}
}

function sourceFields(source: SourceRef): Record<string, string> {
	switch (source.kind) {
		case 'card':
			return { kind: source.kind, cardId: source.cardId };
		case 'poll-option':
			return {
				kind: source.kind,
				questionId: source.questionId,
				optionIndex: String(source.optionIndex)
			};
		case 'poll-answer':
			return { kind: source.kind, answerId: source.answerId };
	}
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class SourceLinks {
	/** What the last step did, for the status line. */
	message = $state('');
	failed = $state(false);
	/** The step "Rückgängig" takes back, while there is one. */
	undo = $state<{ label: string; run: () => Promise<void> } | null>(null);
	busy = $state(false);

	#say(message: string, failed = false) {
		this.message = message;
		this.failed = failed;
	}

	/**
	 * Links a passage to a source. `fresh`: the passage was just written in this browser, and its
	 * words may reach the server a moment after this request does; a refusal for a missing passage
	 * is then tried again a few times.
	 */
	async link(blockId: string, source: SourceRef, what: string, passage: string, fresh = false) {
		this.busy = true;
		let outcome = await post('linkSource', { blockId, ...sourceFields(source) });
		for (let tries = 0; fresh && !outcome.ok && outcome.status === 404 && tries < 10; tries++) {
			await wait(300);
			outcome = await post('linkSource', { blockId, ...sourceFields(source) });
		}
		this.busy = false;
		if (!outcome.ok) {
			this.undo = null;
			return this.#say(outcome.message, true);
		}
		const linkId = outcome.linkId;
		this.#say(`${what} ist mit Abschnitt ${passage} verknüpft.`);
		this.undo = {
			label: 'Verknüpfung zurücknehmen',
			run: () => this.unlink(linkId, what, passage, false)
		};
	}

	/** Ends a link; "Rückgängig" restores it. `offerUndo` is false when this is itself an undo. */
	async unlink(linkId: number, what: string, passage: string, offerUndo = true) {
		this.busy = true;
		const outcome = await post('unlinkSource', { linkId: String(linkId) });
		this.busy = false;
		if (!outcome.ok) {
			this.undo = null;
			return this.#say(outcome.message, true);
		}
		this.#say(`Die Verknüpfung von ${what} mit Abschnitt ${passage} ist gelöst.`);
		this.undo = offerUndo
			? { label: 'Verknüpfung wiederherstellen', run: () => this.#restore(linkId, what, passage) }
			: null;
	}

	async #restore(linkId: number, what: string, passage: string) {
		this.busy = true;
		const outcome = await post('restoreSource', { linkId: String(linkId) });
		this.busy = false;
		this.undo = null;
		if (!outcome.ok) return this.#say(outcome.message, true);
		this.#say(`${what} ist wieder mit Abschnitt ${passage} verknüpft.`);
	}

	async takeBack() {
		const step = this.undo;
		if (step) await step.run();
	}
}
