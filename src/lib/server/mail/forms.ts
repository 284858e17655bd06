// The mail forms' input, validated the one way the app validates.
import * as v from 'valibot';
import { optionalMailKinds } from './kinds';

/** The kinds a person keeps on under "Mein Konto"; an unticked box is not sent. */
export const MailPreferencesForm = v.object({
	kinds: v.array(v.picklist(optionalMailKinds, 'Unbekannte Art von E-Mail.'))
});

export const RetryMailForm = v.object({
	mailId: v.pipe(v.string(), v.uuid('Diese E-Mail gibt es nicht.'))
});
