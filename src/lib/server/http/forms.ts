// One way to read form input: a valibot schema with German messages. The first problem found
// is what the person is told.
import * as v from 'valibot';
import { oneLineText } from '../text/user-text';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** FormData to a plain object; fields named in `lists` are always arrays (checkbox groups). */
export function formFields(data: FormData, lists: readonly string[] = []) {
	const fields: Record<string, string | string[]> = {};
	for (const key of new Set(data.keys())) {
		const values = data.getAll(key).filter((value): value is string => typeof value === 'string');
		fields[key] = lists.includes(key) ? values : (values[0] ?? '');
	}
	for (const key of lists) fields[key] ??= [];
	return fields;
}

/** For what no field's schema has a message for, above all a field missing from the form: the
 * browser sends every field, so only a broken or forged request lacks one. */
export const incompleteFormMessage =
	'Das Formular ist unvollständig. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.';

export function parseForm<TSchema extends v.GenericSchema>(
	schema: TSchema,
	data: FormData,
	lists: readonly string[] = []
): Parsed<v.InferOutput<TSchema>> {
	const result = v.safeParse(schema, formFields(data, lists), { message: incompleteFormMessage });
	if (result.success) return { ok: true, value: result.output };
	return { ok: false, message: result.issues[0].message };
}

/** A required one-line text field, trimmed, with a length limit. `label` is what to give, in
 * the accusative: "einen Titel", "Ihren Namen". */
export function requiredText(label: string, max: number) {
	return v.pipe(
		v.string(`Bitte geben Sie ${label} an.`),
		v.trim(),
		v.nonEmpty(`Bitte geben Sie ${label} an.`),
		v.maxLength(max, `Bitte geben Sie ${label} mit höchstens ${max} Zeichen an.`),
		oneLineText(`Bitte geben Sie ${label} ohne Steuerzeichen an.`)
	);
}

export const emailField = v.pipe(
	v.string('Bitte geben Sie eine E-Mail-Adresse an.'),
	v.trim(),
	v.nonEmpty('Bitte geben Sie eine E-Mail-Adresse an.'),
	v.maxLength(254, 'Die E-Mail-Adresse ist zu lang.'),
	v.email('Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@kamen.de.'),
	v.toLowerCase()
);

/** Passwords are not trimmed: spaces may be part of them. */
export const passwordField = v.pipe(
	v.string('Bitte geben Sie ein Passwort ein.'),
	v.nonEmpty('Bitte geben Sie ein Passwort ein.'),
	v.maxLength(200, 'Das Passwort darf höchstens 200 Zeichen lang sein.')
);

/** A checkbox that sends `ja` when ticked and nothing otherwise; any other value is refused
 * rather than read as "not ticked". */
export function checkbox(message: string) {
	return v.optional(v.picklist(['ja'], message));
}

/** A choice between `ja` and `nein`, e.g. the two buttons that show and hide something. */
export function yesOrNo(message: string) {
	return v.picklist(['ja', 'nein'], message);
}

/** A confirmation checkbox that must be ticked; a missing field gets the same message. */
export function confirmation(message: string) {
	return v.pipe(v.optional(v.string(), ''), v.literal('ja', message));
}
