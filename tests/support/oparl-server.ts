// A council information system for tests: a small OParl 1.1 server on 127.0.0.1 serving
// spec-shaped objects that the test may change, break or slow down while it runs.
import { createServer, type Server } from 'node:http';

const schema = 'https://schema.oparl.org/1.1';

export interface OparlServer {
	/** http://127.0.0.1:PORT */
	origin: string;
	systemUrl: string;
	/** Replaces (or adds) the object at a path such as /oparl/meeting/2. */
	set(path: string, object: unknown): void;
	/** Changes some fields of the object at a path; it gets a new `modified` (now). */
	patch(path: string, fields: Record<string, unknown>): void;
	/** Answers the path with this text instead of JSON. */
	raw(path: string, text: string): void;
	/** Answers the path only after this many milliseconds. */
	delay(path: string, ms: number): void;
	remove(path: string): void;
	/** Back to the fixtures as they were at the start, without delays. */
	reset(): void;
	/** Every path asked for (with its query), in order. */
	requests: string[];
	close(): Promise<void>;
}

/** Days from `now` as an OParl date-time at 17:00 Berlin (winter time). */
export function meetingStart(now: Date, days: number): string {
	const day = new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
	return `${day}T17:00:00+01:00`;
}

/**
 * Kamen's system: two bodies (Kamen and Bergkamen), a paper list on two pages with paper
 * "DS 2027/017" on the second, its committee meeting held ten days ago (result "empfohlen") and
 * the council meeting in two weeks, not yet decided. Every object was last modified a month ago;
 * the body's meeting and agenda item lists hold the two meetings and their items.
 */
export function kamenFixtures(origin: string, now = new Date()): Record<string, unknown> {
	const o = (path: string) => `${origin}/oparl${path}`;
	const monthAgo = new Date(now.getTime() - 30 * 86_400_000).toISOString();
	const stamps = { created: monthAgo, modified: monthAgo };
	const paper = {
		id: o('/paper/17'),
		type: `${schema}/Paper`,
		body: o('/body/kamen'),
		name: 'Leitbild Chancengerechtigkeit und Armutsfolgenbekämpfung im Kreis Unna',
		reference: 'DS 2027/017',
		date: '2027-01-20',
		paperType: 'Beschlussvorlage',
		consultation: [
			{
				id: o('/consultation/171'),
				type: `${schema}/Consultation`,
				paper: o('/paper/17'),
				agendaItem: o('/agendaitem/11'),
				meeting: o('/meeting/1'),
				organization: [o('/organization/1')],
				authoritative: false,
				role: 'Vorberatung'
			},
			{
				id: o('/consultation/172'),
				type: `${schema}/Consultation`,
				paper: o('/paper/17'),
				agendaItem: o('/agendaitem/21'),
				meeting: o('/meeting/2'),
				organization: [o('/organization/2')],
				authoritative: true,
				role: 'Entscheidung'
			}
		],
		web: `${origin}/ris/vo020?VOLFDNR=17`,
		...stamps
	};
	const otherPaper = (n: number) => ({
		id: o(`/paper/${n}`),
		type: `${schema}/Paper`,
		body: o('/body/kamen'),
		name: `Haushaltssatzung, Teil ${n}`,
		reference: `DS 2027/00${n}`,
		consultation: [],
		web: `${origin}/ris/vo020?VOLFDNR=${n}`,
		...stamps
	});
	const committeeMeeting = {
		id: o('/meeting/1'),
		type: `${schema}/Meeting`,
		name: '5. Sitzung des Ausschusses für Soziales und Familie',
		meetingState: 'durchgeführt',
		cancelled: false,
		start: meetingStart(now, -10),
		organization: [o('/organization/1')],
		agendaItem: [o('/agendaitem/11')],
		...stamps
	};
	const committeeItem = {
		id: o('/agendaitem/11'),
		type: `${schema}/AgendaItem`,
		meeting: o('/meeting/1'),
		number: '4',
		name: 'Leitbild Chancengerechtigkeit',
		public: true,
		consultation: o('/consultation/171'),
		result: 'empfohlen',
		...stamps
	};
	const councilMeeting = {
		id: o('/meeting/2'),
		type: `${schema}/Meeting`,
		name: '12. Sitzung des Rates der Stadt Kamen',
		meetingState: 'terminiert',
		cancelled: false,
		start: meetingStart(now, 14),
		organization: [o('/organization/2')],
		agendaItem: [o('/agendaitem/21')],
		...stamps
	};
	const councilItem = {
		id: o('/agendaitem/21'),
		type: `${schema}/AgendaItem`,
		meeting: o('/meeting/2'),
		number: '7',
		name: 'Leitbild Chancengerechtigkeit',
		public: true,
		consultation: o('/consultation/172'),
		...stamps
	};
	const kamen = {
		id: o('/body/kamen'),
		type: `${schema}/Body`,
		system: o('/system'),
		name: 'Stadt Kamen',
		shortName: 'Kamen',
		ags: '05978020',
		paper: o('/body/kamen/papers'),
		meeting: o('/body/kamen/meetings'),
		agendaItem: o('/body/kamen/agendaitems'),
		...stamps
	};
	const onePage = (data: unknown[]) => ({
		data,
		pagination: { totalElements: data.length, elementsPerPage: 20, currentPage: 1, totalPages: 1 },
		links: {}
	});
	return {
		'/oparl/system': {
			id: o('/system'),
			type: `${schema}/System`,
			oparlVersion: 'https://schema.oparl.org/1.1/',
			name: 'Ratsinformationssystem der Stadt Kamen',
			body: o('/bodies')
		},
		'/oparl/bodies': {
			data: [
				{
					id: o('/body/bergkamen'),
					type: `${schema}/Body`,
					system: o('/system'),
					name: 'Stadt Bergkamen',
					ags: '05978004',
					paper: o('/body/bergkamen/papers'),
					meeting: o('/body/bergkamen/meetings')
				},
				kamen
			],
			pagination: { totalElements: 2, elementsPerPage: 20, currentPage: 1, totalPages: 1 },
			links: {}
		},
		'/oparl/body/kamen': kamen,
		'/oparl/body/kamen/meetings': onePage([committeeMeeting, councilMeeting]),
		'/oparl/body/kamen/agendaitems': onePage([committeeItem, councilItem]),
		'/oparl/body/kamen/papers': {
			data: [otherPaper(1), otherPaper(2)],
			pagination: { totalElements: 3, elementsPerPage: 2, currentPage: 1, totalPages: 2 },
			links: { next: o('/body/kamen/papers?page=2') }
		},
		'/oparl/body/kamen/papers?page=2': {
			data: [paper],
			pagination: { totalElements: 3, elementsPerPage: 2, currentPage: 2, totalPages: 2 },
			links: { first: o('/body/kamen/papers') }
		},
		'/oparl/paper/1': otherPaper(1),
		'/oparl/paper/2': otherPaper(2),
		'/oparl/paper/17': paper,
		'/oparl/organization/1': {
			id: o('/organization/1'),
			type: `${schema}/Organization`,
			name: 'Ausschuss für Soziales und Familie',
			organizationType: 'Gremium',
			classification: 'Ausschuss'
		},
		'/oparl/organization/2': {
			id: o('/organization/2'),
			type: `${schema}/Organization`,
			name: 'Rat der Stadt Kamen',
			organizationType: 'Gremium',
			classification: 'Rat'
		},
		'/oparl/meeting/1': committeeMeeting,
		'/oparl/agendaitem/11': committeeItem,
		'/oparl/meeting/2': councilMeeting,
		'/oparl/agendaitem/21': councilItem,
		'/oparl/file/5': {
			id: o('/file/5'),
			type: `${schema}/File`,
			name: 'Beschluss DS 2027/017',
			fileName: 'beschluss-ds-2027-017.pdf',
			mimeType: 'application/pdf',
			accessUrl: o('/file/5/zugriff'),
			downloadUrl: o('/file/5/download')
		}
	};
}

/** The later news: the council met (yesterday) and adopted the paper unchanged. */
export function councilDecided(
	server: OparlServer,
	now = new Date(),
	result = 'ungeändert beschlossen'
) {
	const o = (path: string) => `${server.origin}/oparl${path}`;
	server.patch('/oparl/meeting/2', { start: meetingStart(now, -1), meetingState: 'durchgeführt' });
	server.patch('/oparl/agendaitem/21', {
		result,
		resolutionText: 'Der Rat beschließt das Leitbild in der vorgelegten Fassung.',
		resolutionFile: o('/file/5')
	});
}

export async function startOparlServer(
	fixtures: (origin: string) => Record<string, unknown> = kamenFixtures
): Promise<OparlServer> {
	const objects = new Map<string, { json?: unknown; raw?: string }>();
	const delays = new Map<string, number>();
	const requests: string[] = [];
	let origin = '';
	// A list shows its objects as they are now (a patched object included), and with
	// `modified_since` only those modified at or after that time, on every page.
	const liveList = (list: Record<string, unknown>, since: number | null) => {
		const live = (list.data as Record<string, unknown>[]).map((item) => {
			const current = typeof item.id === 'string' && objects.get(item.id.slice(origin.length));
			return (current && (current.json as Record<string, unknown>)) || item;
		});
		const links = { ...(list.links as Record<string, string>) };
		if (since !== null && links.next) {
			const next = new URL(links.next);
			next.searchParams.set('modified_since', new Date(since).toISOString());
			links.next = next.href;
		}
		return {
			...list,
			data: live.filter(
				(item) => since === null || !item.modified || Date.parse(String(item.modified)) >= since
			),
			links
		};
	};
	const server: Server = createServer((request, response) => {
		const path = request.url ?? '/';
		requests.push(path);
		const url = new URL(path, 'http://oparl.test');
		const sinceParam = url.searchParams.get('modified_since');
		url.searchParams.delete('modified_since');
		const key = url.pathname + url.search;
		const answer = () => {
			const found = objects.get(key);
			const since = sinceParam === null ? null : Date.parse(sinceParam);
			if (!found || Number.isNaN(since)) {
				response.writeHead(found ? 400 : 404, { 'content-type': 'application/json' });
				response.end(JSON.stringify({ error: found ? 'bad modified_since' : 'not found' }));
				return;
			}
			const json = found.json as Record<string, unknown> | undefined;
			response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
			response.end(
				found.raw ?? JSON.stringify(Array.isArray(json?.data) ? liveList(json, since) : json)
			);
		};
		const delay = delays.get(key);
		if (delay) setTimeout(answer, delay).unref();
		else answer();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	origin = `http://127.0.0.1:${port}`;
	const reset = () => {
		objects.clear();
		delays.clear();
		for (const [path, json] of Object.entries(fixtures(origin))) objects.set(path, { json });
	};
	reset();
	return {
		reset,
		origin,
		systemUrl: `${origin}/oparl/system`,
		requests,
		set: (path, json) => objects.set(path, { json }),
		patch(path, fields) {
			const current = objects.get(path)?.json as Record<string, unknown> | undefined;
			objects.set(path, { json: { ...current, modified: new Date().toISOString(), ...fields } });
		},
		raw: (path, text) => objects.set(path, { raw: text }),
		delay: (path, ms) => delays.set(path, ms),
		remove: (path) => objects.delete(path),
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
