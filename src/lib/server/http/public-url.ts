import { appConfig } from '../app';

/** The full URL of a path as people outside reach it: ORIGIN when configured, else this request's. */
export function publicUrl(path: string, requestUrl: URL): string {
	const config = appConfig();
	const origin = config.publicOriginConfigured ? config.publicOrigin : requestUrl.origin;
	return `${origin}${path}`;
}
