// What a live channel's URL names, read in one place: /collab/<channel>/<id>[/<view>]. Empty
// segments are dropped (/collab/board//x is /collab/board/x), so that the connection quota, which
// counts by the same reading, cannot be sidestepped by doubling slashes.
export const realtimePathPrefix = '/collab/';

/** Ids of documents, events and boards are UUIDs; anything else names nothing. */
const idPattern = /^[0-9a-f-]{36}$/;

export interface ChannelPath {
	/** The channel's name, e.g. `board`; empty when the path has none. */
	channel: string;
	/** What follows the channel's name. */
	rest: string[];
}

/** undefined for paths outside /collab/. */
export function parseChannelPath(pathname: string): ChannelPath | undefined {
	if (!pathname.startsWith(realtimePathPrefix)) return undefined;
	const [channel, ...rest] = pathname.slice(realtimePathPrefix.length).split('/');
	return { channel, rest: rest.filter(Boolean) };
}

/**
 * The one thing a channel's path names, and the view asked for (one of `views`, e.g. the
 * projector's). undefined when the path names no id, a malformed one, or more than it should.
 */
export function targetOf(
	path: ChannelPath,
	views: readonly string[] = []
): { id: string; view: string | null } | undefined {
	const [id, view, ...more] = path.rest;
	if (!id || !idPattern.test(id) || more.length > 0) return undefined;
	if (view !== undefined && !views.includes(view)) return undefined;
	return { id, view: view ?? null };
}

/** The channel and ids as one key: two spellings of one path count as one target. */
export function pathKey(path: ChannelPath): string {
	return ['collab', path.channel, ...path.rest].join('/');
}
