import { describe, expect, it } from 'vitest';
import { parseChannelPath, pathKey, targetOf } from './channel-path';

const id = '0b5e9a52-3c1d-4e6f-9a7b-2c8d4e6f8a0b';
const path = (pathname: string) => parseChannelPath(pathname)!;

describe('channel paths', () => {
	it('reads the channel and what follows it, and nothing outside /collab/', () => {
		expect(parseChannelPath(`/collab/board/${id}`)).toEqual({ channel: 'board', rest: [id] });
		expect(parseChannelPath('/collab/echo')).toEqual({ channel: 'echo', rest: [] });
		expect(parseChannelPath('/collab//board/x')).toEqual({ channel: '', rest: ['board', 'x'] });
		expect(parseChannelPath('/anderes/board')).toBeUndefined();
		expect(parseChannelPath('/collab')).toBeUndefined();
	});

	it('finds one id and only the views a channel names', () => {
		expect(targetOf(path(`/collab/poll/${id}`))).toEqual({ id, view: null });
		expect(targetOf(path(`/collab/poll/${id}/projektion`), ['projektion'])).toEqual({
			id,
			view: 'projektion'
		});
		expect(targetOf(path(`/collab/poll/${id}/projektion`))).toBeUndefined();
		expect(targetOf(path(`/collab/poll/${id}/anders`), ['projektion'])).toBeUndefined();
		expect(targetOf(path(`/collab/poll/${id}/projektion/mehr`), ['projektion'])).toBeUndefined();
		expect(targetOf(path('/collab/board/keine-id'))).toBeUndefined();
		expect(targetOf(path('/collab/board'))).toBeUndefined();
	});

	it('names a target the same however the path is spelled', () => {
		expect(targetOf(path(`/collab/board//${id}/`))).toEqual({ id, view: null });
		expect(pathKey(path(`/collab/board//${id}/`))).toBe(pathKey(path(`/collab/board/${id}`)));
		expect(pathKey(path(`/collab/board/${id}`))).toBe(`collab/board/${id}`);
	});
});
