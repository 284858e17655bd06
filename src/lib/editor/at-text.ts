// A small menu that floats at the words it is about (TipTap's bubble-menu plugin, which places it
// with Floating UI). Alt+F10 in the text moves into it (as in other editors' floating toolbars;
// Tab reaches it too, after the passage buttons), Escape in it goes back to the text.
// The plugin and Floating UI load when the text first has the focus: a menu at the words only
// shows in a focused text, and most visits only read.
import type { Editor } from '@tiptap/core';
import type { BubbleMenuPluginProps } from '@tiptap/extension-bubble-menu';
import './at-text.css';

export function floatAtText(
	editor: Editor,
	element: HTMLElement,
	pluginKey: string,
	shouldShow: BubbleMenuPluginProps['shouldShow'] = null
): () => void {
	const onKeyDown = (event: KeyboardEvent) => {
		if (event.key !== 'Escape') return;
		event.preventDefault();
		editor.commands.focus();
	};
	const intoMenu = (event: KeyboardEvent) => {
		// The plugin sets visibility when it shows or hides the menu; before its first showing the
		// element still stands where the page rendered it, unshown.
		const shown = element.isConnected && element.style.visibility === 'visible';
		if (!event.altKey || event.key !== 'F10' || !shown) return;
		event.preventDefault();
		element.querySelector<HTMLElement>('button:not([disabled])')?.focus();
	};
	element.addEventListener('keydown', onKeyDown);
	editor.view.dom.addEventListener('keydown', intoMenu);
	let stopped = false;
	let registered = false;
	const register = async () => {
		editor.off('focus', register);
		const { BubbleMenuPlugin } = await import('@tiptap/extension-bubble-menu');
		if (stopped || editor.isDestroyed) return;
		// Shown at once when the selection, made meanwhile, calls for it.
		editor.registerPlugin(
			BubbleMenuPlugin({
				pluginKey,
				editor,
				element,
				updateDelay: 100,
				shouldShow,
				options: { placement: 'top', offset: 8, flip: true, shift: { padding: 8 } }
			})
		);
		registered = true;
	};
	if (editor.isFocused) void register();
	else editor.on('focus', register);
	return () => {
		stopped = true;
		editor.off('focus', register);
		element.removeEventListener('keydown', onKeyDown);
		editor.view.dom.removeEventListener('keydown', intoMenu);
		if (registered && !editor.isDestroyed) editor.unregisterPlugin(pluginKey);
	};
}
