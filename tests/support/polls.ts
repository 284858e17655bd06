// Live polls in tests: the moderator's forms, and looks into what the database stored.
import type { APIRequestContext } from '@playwright/test';
import { postForm, type TestActor } from './actors';
import { queryDatabase } from './database';
import { expect } from './fixtures';
import { seededEventSlug } from './participants';

export const consolePath = `/konferenzen/${seededEventSlug}/umfragen`;
export const answerPath = `/teilnahme/${seededEventSlug}/umfrage?/answer`;

export async function createQuestion(
	editor: TestActor,
	baseURL: string,
	dataDir: string,
	fields: Record<string, string>,
	console = consolePath
): Promise<string> {
	const response = await postForm(editor.request, baseURL, `${console}?/create`, fields);
	expect(response.status(), 'Frage angelegt').toBe(200);
	const [row] = queryDatabase<{ id: string }>(
		dataDir,
		'select id from poll_question where prompt = ? order by created_at desc limit 1',
		fields.prompt
	);
	return row.id;
}

export async function moderate(
	editor: TestActor,
	baseURL: string,
	action: string,
	questionId: string,
	fields: Record<string, string> = {}
) {
	const response = await postForm(editor.request, baseURL, `${consolePath}?/${action}`, {
		questionId,
		...fields
	});
	expect(response.status(), action).toBe(200);
}

export function storedAnswers(dataDir: string, questionId: string) {
	return queryDatabase<{ choices: string | null; participant_id: string }>(
		dataDir,
		'select choices, participant_id from poll_answer where question_id = ?',
		questionId
	);
}

export function eventIdOf(dataDir: string, slug = seededEventSlug): string {
	return queryDatabase<{ id: string }>(dataDir, 'select id from event where slug = ?', slug)[0].id;
}

/** A participant's answer sent as a form, as a phone without JavaScript would. */
export function answer(
	participant: APIRequestContext,
	baseURL: string,
	fields: Record<string, string | string[]>
) {
	return postForm(participant, baseURL, answerPath, fields);
}
