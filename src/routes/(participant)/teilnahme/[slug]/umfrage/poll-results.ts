// The results chart and table are loaded only once a question has results to show: most of a
// conference day a phone answers questions and never needs them.
import type { Component, ComponentProps } from 'svelte';
import type PollResults from '$lib/components/polls/PollResults.svelte';

export type ResultsComponent = Component<ComponentProps<typeof PollResults>>;

export async function loadPollResults(): Promise<ResultsComponent> {
	return (await import('$lib/components/polls/PollResults.svelte')).default;
}
