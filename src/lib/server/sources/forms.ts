// The source forms of the document page: link a passage to a card, a poll option or an answer;
// unlink and undo; choose the events beside the text. Whether the passage and the source exist,
// passage-sources.ts checks against the database and the server's text.
import * as v from 'valibot';
import type { SourceRef } from '$lib/sources/types';

const id = (message: string) => v.pipe(v.string(message), v.uuid(message));

const blockId = id('Bitte wählen Sie einen Abschnitt.');

export const LinkSourceForm = v.pipe(
	v.variant(
		'kind',
		[
			v.object({ blockId, kind: v.literal('card'), cardId: id('Diese Karte gibt es nicht.') }),
			v.object({
				blockId,
				kind: v.literal('poll-option'),
				questionId: id('Diese Frage gibt es nicht.'),
				optionIndex: v.pipe(
					v.string('Diese Antwortmöglichkeit gibt es nicht.'),
					v.regex(/^\d{1,3}$/, 'Diese Antwortmöglichkeit gibt es nicht.'),
					v.transform(Number)
				)
			}),
			v.object({
				blockId,
				kind: v.literal('poll-answer'),
				answerId: id('Diese Antwort gibt es nicht.')
			})
		],
		'Bitte wählen Sie eine Karte, eine Antwortmöglichkeit oder eine Antwort.'
	),
	v.transform((form): { blockId: string; source: SourceRef } => {
		switch (form.kind) {
			case 'card':
				return { blockId: form.blockId, source: { kind: 'card', cardId: form.cardId } };
			case 'poll-option':
				return {
					blockId: form.blockId,
					source: {
						kind: 'poll-option',
						questionId: form.questionId,
						optionIndex: form.optionIndex
					}
				};
			case 'poll-answer':
				return { blockId: form.blockId, source: { kind: 'poll-answer', answerId: form.answerId } };
		}
	})
);

export const SourceLinkForm = v.object({
	linkId: v.pipe(
		v.string('Diese Verknüpfung gibt es nicht.'),
		v.regex(/^\d{1,12}$/, 'Diese Verknüpfung gibt es nicht.'),
		v.transform(Number)
	)
});

/** Checkboxes: one `eventId` per chosen event (parseForm's list field). */
export const SourceEventsForm = v.object({
	eventId: v.array(
		id('Diese Konferenz gibt es nicht.'),
		'Bitte wählen Sie mindestens eine Konferenz.'
	)
});
