import { loadPollResults } from './poll-results';

// Runs before the page is rendered on the server and before it is hydrated in the browser, so
// results already shown are in the first HTML and stay in place while the page hydrates.
export async function load({ data }) {
	const hasResults = data.poll.questions.some((question) => question.tally);
	return { ...data, results: hasResults ? await loadPollResults() : undefined };
}
