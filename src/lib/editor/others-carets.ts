// Where the others in the document are: their carets and selections in the text, with their
// names (TipTap's collaboration caret, drawn by others-carets.css).
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type { Awareness } from 'y-protocols/awareness';
import './others-carets.css';

export function othersCarets(
	provider: { awareness: Awareness },
	user: { name: string; colour: string }
) {
	return CollaborationCaret.configure({ provider, user: { name: user.name, color: user.colour } });
}
