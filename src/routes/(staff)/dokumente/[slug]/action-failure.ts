// The document page's forms say why an action failed in one way: the server's own reason where it
// refused (a form action's `fail`), a general German message otherwise.
import type { ActionResult } from '@sveltejs/kit';

export const failedText = 'Das hat nicht geklappt. Bitte versuchen Sie es noch einmal.';

export function failureText(result: ActionResult): string {
	return result.type === 'failure' ? String(result.data?.message ?? failedText) : failedText;
}
