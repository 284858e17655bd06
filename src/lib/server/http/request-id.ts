// The id of a request, as the production entry (server/index.ts) hands it to SvelteKit: under a
// name of our own that the entry always overwrites, so no client can choose it.
export const requestIdHeader = 'x-leitbild-request-id';
