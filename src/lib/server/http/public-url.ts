import type { AppConfig } from '../config';

/** The full URL of a path as people outside reach it: ORIGIN when configured, else this request's. */
export function publicUrl(
	config: Pick<AppConfig, 'publicOrigin' | 'publicOriginConfigured'>,
	path: string,
	requestUrl: URL
): string {
	const origin = config.publicOriginConfigured ? config.publicOrigin : requestUrl.origin;
	return `${origin}${path}`;
}
