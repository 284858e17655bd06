// The people one can mention in this document's comments, for the fields that suggest them and
// the messages that highlight them. Set with getters, so a reloaded list reaches them.
import { createContext } from 'svelte';
import type { MentionablePerson } from '$lib/mentions';

export interface MentionContext {
	readonly people: MentionablePerson[];
	/** The person writing, who is not offered to themselves. */
	readonly userId: string;
}

const [getMentions, setMentions, hasMentions] = createContext<MentionContext>();

export { setMentions };

/** Outside a document page nobody is mentionable. */
export function mentionContext(): MentionContext {
	return hasMentions() ? getMentions() : { people: [], userId: '' };
}
