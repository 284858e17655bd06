import { fail, type RequestEvent } from '@sveltejs/kit';
import { staffEvent } from '$lib/server/http/resource-guards';
import { maxAnswerTextLength, setAnswerHidden } from '$lib/server/polls/answers';
import {
	HideAnswerForm,
	MoveForm,
	parseQuestionForm,
	ProjectionForm,
	ResultsForm
} from '$lib/server/polls/forms';
import { parseForm } from '$lib/server/http/forms';
import { pollSnapshot, staffPollState } from '$lib/server/polls/poll-state';
import {
	closeQuestion,
	createQuestion,
	deleteQuestion,
	findQuestion,
	moveQuestion,
	openQuestion,
	projectQuestion,
	resetQuestion,
	setProjectionLive,
	setResultsVisible
} from '$lib/server/polls/questions';

export function load(event) {
	const { db, attendance } = event.locals.services;
	const found = staffEvent(event.locals.services.db, event, 'event:moderate');
	return {
		event: {
			id: found.id,
			slug: found.slug,
			title: found.title,
			archived: Boolean(found.archivedAt)
		},
		poll: staffPollState(pollSnapshot(db, found.id), attendance(found.id)),
		maxTextLength: maxAnswerTextLength
	};
}

/** The moderated event and the question a form names; a question of another event is unknown. */
async function moderatedQuestion(event: RequestEvent<{ slug: string }>) {
	const { db } = event.locals.services;
	const found = staffEvent(event.locals.services.db, event, 'event:moderate');
	const data = await event.request.formData();
	const question = findQuestion(db, found.id, String(data.get('questionId') ?? ''));
	return { db, eventId: found.id, question, data };
}

const unknownQuestion = () => fail(404, { message: 'Diese Frage gibt es nicht (mehr).' });

export const actions = {
	create: async (event) => {
		const { db } = event.locals.services;
		const found = staffEvent(event.locals.services.db, event, 'event:moderate');
		const form = parseQuestionForm(await event.request.formData());
		if (!form.ok) return fail(400, { createMessage: form.message });
		createQuestion(db, found.id, form.value);
		return { success: 'Die Frage ist angelegt. Sie ist noch nicht geöffnet.' };
	},
	move: async (event) => {
		const { db, eventId, question, data } = await moderatedQuestion(event);
		if (!question) return unknownQuestion();
		const form = parseForm(MoveForm, data);
		if (!form.ok) return fail(400, { message: form.message });
		moveQuestion(db, eventId, question.id, form.value.direction === 'up' ? -1 : 1);
		return { success: 'Die Reihenfolge ist geändert.' };
	},
	open: async (event) => {
		const { db, question } = await moderatedQuestion(event);
		if (!question) return unknownQuestion();
		openQuestion(db, question.id);
		return { success: `Geöffnet: „${question.prompt}“. Sie steht jetzt auf der Projektion.` };
	},
	close: async (event) => {
		const { db, question } = await moderatedQuestion(event);
		if (!question) return unknownQuestion();
		closeQuestion(db, question.id);
		return { success: `Geschlossen: „${question.prompt}“.` };
	},
	results: async (event) => {
		const { db, question, data } = await moderatedQuestion(event);
		if (!question) return unknownQuestion();
		const form = parseForm(ResultsForm, data);
		if (!form.ok) return fail(400, { message: form.message });
		const visible = form.value.visible === 'ja';
		setResultsVisible(db, question.id, visible);
		return {
			success: visible
				? 'Das Ergebnis steht jetzt auf der Projektion und auf den Handys.'
				: question.projectionLive
					? 'Das Ergebnis ist auf den Handys verborgen; die Projektion zeigt es weiter live.'
					: 'Das Ergebnis ist auf der Projektion und auf den Handys verborgen.'
		};
	},
	projection: async (event) => {
		const { db, question, data } = await moderatedQuestion(event);
		if (!question) return unknownQuestion();
		const form = parseForm(ProjectionForm, data);
		if (!form.ok) return fail(400, { message: form.message });
		const live = form.value.projection === 'live';
		setProjectionLive(db, question.id, live);
		return {
			success: live
				? 'Die Projektion zeigt das Ergebnis dieser Frage live.'
				: 'Die Projektion zeigt das Ergebnis dieser Frage erst, wenn Sie es zeigen.'
		};
	},
	project: async (event) => {
		const { db, question } = await moderatedQuestion(event);
		if (!question) return unknownQuestion();
		projectQuestion(db, question.id);
		return { success: `Auf der Projektion: „${question.prompt}“.` };
	},
	reset: async (event) => {
		const { db, question, data } = await moderatedQuestion(event);
		if (!question) return unknownQuestion();
		if (data.get('confirm') !== 'ja') {
			return fail(400, { message: 'Bitte bestätigen Sie, dass alle Antworten gelöscht werden.' });
		}
		resetQuestion(db, question.id);
		return { success: 'Die Antworten sind gelöscht; die Frage ist wieder ein Entwurf.' };
	},
	delete: async (event) => {
		const { db, question, data } = await moderatedQuestion(event);
		if (!question) return unknownQuestion();
		if (data.get('confirm') !== 'ja') {
			return fail(400, { message: 'Bitte bestätigen Sie das Löschen der Frage.' });
		}
		deleteQuestion(db, question.id);
		return { success: 'Die Frage und ihre Antworten sind gelöscht.' };
	},
	hide: async (event) => {
		const { db, question, data } = await moderatedQuestion(event);
		if (!question) return unknownQuestion();
		const form = parseForm(HideAnswerForm, data);
		if (!form.ok) return fail(400, { message: form.message });
		const hidden = form.value.hidden === 'ja';
		if (!setAnswerHidden(db, question.id, form.value.answerId, hidden)) {
			return fail(404, { message: 'Diese Antwort gibt es nicht.' });
		}
		return {
			success: hidden ? 'Die Antwort ist ausgeblendet.' : 'Die Antwort wird wieder gezeigt.'
		};
	}
};
