// Fitting text to the wall: a projection never scrolls, so what is too long for its box gets
// smaller type (a heading) or is left off and counted (cards, answers, words). Both follow the
// box when the window is resized and the content when it changes live.
import type { Attachment } from 'svelte/attachments';

/** Runs `fit` now, when the element's box or content changes, and once the fonts are in. */
function refitting(node: HTMLElement, fit: () => void): () => void {
	fit();
	const resize = new ResizeObserver(() => fit());
	resize.observe(node);
	// Our own changes are to classes and styles, which this does not watch: no loop.
	const mutation = new MutationObserver(() => fit());
	mutation.observe(node, { childList: true, characterData: true, subtree: true });
	let active = true;
	document.fonts?.ready.then(() => active && fit());
	return () => {
		active = false;
		resize.disconnect();
		mutation.disconnect();
	};
}

/**
 * Shrinks the element's type from its size in the style sheet until its text fits its box (set
 * the box with max-height), but not below `minPx`; what still does not fit then ends after the
 * last whole line with "…".
 */
export function fitText(minPx: number): Attachment<HTMLElement> {
	return (node) =>
		refitting(node, () => {
			for (const property of ['font-size', 'display', '-webkit-box-orient', '-webkit-line-clamp']) {
				node.style.removeProperty(property);
			}
			const overflows = () => node.scrollHeight > node.clientHeight + 1;
			let size = parseFloat(getComputedStyle(node).fontSize);
			while (overflows() && size > minPx) {
				size = Math.max(minPx, Math.floor(size * 0.92));
				node.style.fontSize = `${size}px`;
			}
			if (!overflows()) return;
			const lineHeight = parseFloat(getComputedStyle(node).lineHeight) || size * 1.2;
			node.style.display = '-webkit-box';
			node.style.setProperty('-webkit-box-orient', 'vertical');
			node.style.setProperty(
				'-webkit-line-clamp',
				String(Math.max(1, Math.floor(node.clientHeight / lineHeight)))
			);
		});
}

/** The class of items left off the wall; screen readers still read them (see the layout). */
const fitHiddenClass = 'fit-hidden';

/**
 * Shows a list's items in order as long as they fit its box (give it a height and
 * `overflow: hidden`); the first that does not and all after it are left off. Tells how many.
 */
export function fitList(onHidden: (count: number) => void): Attachment<HTMLElement> {
	return (node) =>
		refitting(node, () => {
			const items = [...node.children] as HTMLElement[];
			for (const item of items) item.classList.remove(fitHiddenClass);
			const bottom = node.getBoundingClientRect().top + node.clientHeight;
			let hidden = 0;
			for (const item of items) {
				if (hidden > 0 || item.getBoundingClientRect().bottom > bottom + 0.5) {
					item.classList.add(fitHiddenClass);
					hidden++;
				}
			}
			onHidden(hidden);
		});
}
