// What the side panel's lists of comments and proposals share: their order (as their words
// appear in the text) and one message per thread under its forms.
import type { SubmitFunction } from '@sveltejs/kit';
import { failureText } from './action-failure';

/** In the order of their words in the text; those without words (gone, changed) last, oldest
 * first. */
export function inTextOrder<T extends { id: string; createdAt: number }>(
	items: T[],
	ranges: ReadonlyMap<string, { from: number; to: number }>
): T[] {
	return items.toSorted(
		(a, b) =>
			(ranges.get(a.id)?.from ?? Infinity) - (ranges.get(b.id)?.from ?? Infinity) ||
			a.createdAt - b.createdAt
	);
}

/** One message per thread, under its forms: cleared when a form is sent, the reason if refused. */
export class ThreadNotices {
	#byThread = $state<Record<string, string>>({});

	of(threadId: string): string {
		return this.#byThread[threadId] ?? '';
	}

	set(threadId: string, message: string): void {
		this.#byThread[threadId] = message;
	}

	/** Enhances a thread's form; after success the form is emptied unless it should keep what
	 * it shows (a saved value). */
	action(threadId: string, { keep = false } = {}): SubmitFunction {
		return () => {
			this.set(threadId, '');
			return async ({ result, formElement }) => {
				if (result.type !== 'success') this.set(threadId, failureText(result));
				else if (!keep) formElement.reset();
			};
		};
	}
}
