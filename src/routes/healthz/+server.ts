import { json } from '@sveltejs/kit';
import { appStatus } from '$lib/server/app';

export function GET() {
	const status = appStatus();
	return json(
		{ status: status === 'ready' ? 'ok' : status },
		{ status: status === 'ready' ? 200 : 503, headers: { 'Cache-Control': 'no-store' } }
	);
}
