import { error } from '@sveltejs/kit';
import { frameworkErrorMessage } from '$lib/server/http/error-messages';
import { mayReadMetrics } from '$lib/server/metrics/access';

/** The operators' metrics in Prometheus's text format; see metrics/access.ts for who may read. */
export async function GET(event) {
	const { config, metrics } = event.locals.services;
	const allowed = mayReadMetrics(
		{
			// adapter-node hands over the Node request; the dev server has none, and no proxy either.
			socketAddress: event.platform?.req?.socket.remoteAddress ?? event.getClientAddress(),
			authorization: event.request.headers.get('authorization')
		},
		config.metrics
	);
	// Answered like an address that does not exist: nothing tells a stranger it is here.
	if (!allowed) error(404, frameworkErrorMessage(404));
	return new Response(await metrics.registry.metrics(), {
		headers: { 'Content-Type': metrics.registry.contentType, 'Cache-Control': 'no-store' }
	});
}
