// Sends the proposal being typed to the server: created at the first keystroke, revised as the
// typing goes on (a few times a second at most), withdrawn when everything typed was taken back.
// The text shows the draft at once; the server's record follows and reaches everyone else.
import { deserialize } from '$app/forms';
import type { Draft } from './suggestion-mode';

type Post = (
	action: string,
	fields: Record<string, string>
) => Promise<{ ok: true; proposalId?: string } | { ok: false; message: string }>;

/** Posts to one of the document page's form actions. */
export const postAction: Post = async (action, fields) => {
	const body = new FormData();
	for (const [name, value] of Object.entries(fields)) body.set(name, value);
	try {
		const response = await fetch(`?/${action}`, {
			method: 'POST',
			body,
			headers: { 'x-sveltekit-action': 'true' }
		});
		const result = deserialize(await response.text());
		if (result.type === 'success') {
			const id = result.data?.proposalId;
			return { ok: true, proposalId: typeof id === 'string' ? id : undefined };
		}
		if (result.type === 'failure') {
			return { ok: false, message: String(result.data?.message ?? 'Nicht gespeichert.') };
		}
		return { ok: false, message: 'Der Vorschlag wurde nicht gespeichert.' };
	} catch {
		return {
			ok: false,
			message: 'Der Vorschlag konnte nicht gesendet werden. Bitte prüfen Sie die Verbindung.'
		};
	}
};

interface Entry {
	id: string | null;
	latest: Draft;
	sent: string;
	busy: boolean;
	timer: ReturnType<typeof setTimeout> | undefined;
	ended: boolean;
}

const reviseDelayMs = 300;

export class DraftSender {
	#entries = new Map<string, Entry>();
	/** How many drafts are still on their way: shown as "wird gespeichert". */
	pending = 0;

	constructor(
		private readonly options: {
			organisationId: () => string;
			onId: (key: string, id: string) => void;
			onError: (message: string, key: string) => void;
			onPendingChange?: (pending: number) => void;
			post?: Post;
		}
	) {}

	get #post(): Post {
		return this.options.post ?? postAction;
	}

	/** The draft changed, or (null) ended. */
	update(draft: Draft | null, previous: Draft | null) {
		if (!draft) {
			const entry = previous && this.#entries.get(previous.key);
			if (entry) {
				entry.ended = true;
				this.#schedule(entry, 0);
			}
			return;
		}
		const entry = this.#entries.get(draft.key) ?? {
			id: draft.id,
			latest: draft,
			sent: '',
			busy: false,
			timer: undefined,
			ended: false
		};
		entry.latest = draft;
		this.#entries.set(draft.key, entry);
		this.#schedule(entry, entry.id || entry.busy ? reviseDelayMs : 0);
	}

	#schedule(entry: Entry, delay: number) {
		clearTimeout(entry.timer);
		entry.timer = setTimeout(() => void this.#send(entry), delay);
	}

	#state(draft: Draft) {
		return JSON.stringify([draft.anchorStart, draft.anchorEnd, draft.text]);
	}

	#setPending(change: number) {
		this.pending += change;
		this.options.onPendingChange?.(this.pending);
	}

	async #send(entry: Entry): Promise<void> {
		if (entry.busy) return;
		const draft = entry.latest;
		const state = this.#state(draft);
		const empty = draft.text === '' && draft.anchorStart === draft.anchorEnd;
		if (state === entry.sent && !(empty && entry.id)) {
			if (entry.ended) this.#entries.delete(draft.key);
			return;
		}
		entry.busy = true;
		this.#setPending(1);
		let result: Awaited<ReturnType<Post>>;
		if (!entry.id) {
			result = empty
				? { ok: true }
				: await this.#post('propose', {
						proposalId: draft.key,
						anchorStart: draft.anchorStart,
						anchorEnd: draft.anchorEnd,
						text: draft.text,
						organisationId: this.options.organisationId()
					});
			if (result.ok && result.proposalId) {
				entry.id = result.proposalId;
				this.options.onId(draft.key, result.proposalId);
			}
		} else if (empty) {
			result = await this.#post('withdrawProposal', { proposalId: entry.id });
			if (result.ok) entry.id = null;
		} else {
			result = await this.#post('reviseProposal', {
				proposalId: entry.id,
				anchorStart: draft.anchorStart,
				anchorEnd: draft.anchorEnd,
				text: draft.text
			});
		}
		entry.busy = false;
		this.#setPending(-1);
		if (!result.ok) {
			this.options.onError(result.message, draft.key);
			this.#entries.delete(draft.key);
			return;
		}
		entry.sent = state;
		// Typed on while this was on its way: send the newer state as well.
		if (this.#state(entry.latest) !== state) this.#schedule(entry, 0);
		else if (entry.ended) this.#entries.delete(draft.key);
	}

	/** Sends whatever is waiting now (switching modes, leaving the page). */
	flush() {
		for (const entry of this.#entries.values()) {
			entry.ended = true;
			this.#schedule(entry, 0);
		}
	}
}
