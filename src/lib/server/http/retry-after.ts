// A refusal during a wait (status 429) tells the client how long the wait still lasts.
import type { RequestEvent } from '@sveltejs/kit';

export function setRetryAfter(event: Pick<RequestEvent, 'setHeaders'>, waitMs: number): void {
	event.setHeaders({ 'Retry-After': String(Math.max(1, Math.ceil(waitMs / 1000))) });
}
