// The comment forms of the document page. Anchors are Yjs relative positions the browser
// computed from the selection; here they only have to be well-formed.
import * as v from 'valibot';
import * as Y from 'yjs';
import { maxCommentLength } from '$lib/comments';
import { multiLineText, shortened, withoutForbiddenCharacters } from '../text/user-text';

export { maxCommentLength };

/** The quoted words are a reminder, not a copy of the text: long selections are shortened, and
 * what the rules for typed text forbid is left out (nobody typed it into this form). */
export const maxQuoteLength = 500;

const emptySelection = 'Bitte markieren Sie zuerst die Textstelle, die Sie kommentieren möchten.';

/** Well-formed: decodes, and encodes back to the very same bytes. */
function isRelativePosition(encoded: string): boolean {
	try {
		const bytes = Buffer.from(encoded, 'base64');
		const position = Y.decodeRelativePosition(bytes);
		return Buffer.from(Y.encodeRelativePosition(position)).equals(bytes);
	} catch {
		return false;
	}
}

export const anchor = v.pipe(
	v.string(emptySelection),
	v.nonEmpty(emptySelection),
	v.maxLength(200, 'Diese Textstelle ist ungültig.'),
	v.regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Diese Textstelle ist ungültig.'),
	v.check(isRelativePosition, 'Diese Textstelle ist ungültig.')
);

const body = v.pipe(
	v.string('Bitte schreiben Sie einen Kommentar.'),
	multiLineText('Bitte schreiben Sie Ihren Text ohne Steuerzeichen.'),
	v.trim(),
	v.nonEmpty('Bitte schreiben Sie einen Kommentar.'),
	v.maxLength(maxCommentLength, `Ein Kommentar hat höchstens ${maxCommentLength} Zeichen.`)
);

const threadId = v.pipe(
	v.string('Diesen Kommentar gibt es nicht.'),
	v.uuid('Diesen Kommentar gibt es nicht.')
);

export const NewCommentForm = v.pipe(
	v.object({
		anchorStart: anchor,
		anchorEnd: anchor,
		quote: v.pipe(
			v.string(emptySelection),
			v.transform((quote) => withoutForbiddenCharacters(quote.replace(/\s+/g, ' ')).trim()),
			v.nonEmpty(emptySelection),
			v.transform((quote) =>
				quote.length > maxQuoteLength ? `${shortened(quote, maxQuoteLength - 1)}…` : quote
			)
		),
		body
	}),
	v.check((form) => form.anchorStart !== form.anchorEnd, emptySelection)
);

export const ReplyForm = v.object({ threadId, body });

export const ThreadForm = v.object({ threadId });

export const CommentSettingsForm = v.object({
	viewersMayComment: v.optional(v.picklist(['on'], 'Ungültige Einstellung.'))
});
