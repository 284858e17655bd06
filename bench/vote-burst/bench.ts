// 3. Vote burst: a room of participants, joined by code, answers one open multiple-choice
// question within a few seconds while the projector's connection watches the count.
import type { ChildProcess } from 'node:child_process';
import WebSocket from 'ws';
import { queryDatabase } from '../../tests/support/database';
import { signIn, type AppSession } from '../lib/app-client';
import { benchAdmin, removeDataDir, startApp } from '../lib/app-server';
import { sharedClockMs } from '../lib/clock';
import { forkWorker, nextMessage, stopWorker } from '../lib/processes';
import type { BenchmarkResult } from '../lib/report';
import { medianOfRuns, percentile, ratio, round } from '../lib/stats';
import type { AnswerReport, BurstCommand } from './protocol';

export interface VoteBurstOptions {
	participants: number;
	windowMs: number;
	repetitions: number;
	workers: number;
	/**
	 * Whether the targets of #11 (p99, projection) apply; without, the times are only reported
	 * (#23's larger burst has no target yet). Every answer stored exactly once applies always.
	 */
	timeTargets: boolean;
}

const eventSlug = 'zukunftskonferenz';
const options = ['Beratung', 'Wohnen', 'Gesundheit', 'Bildung', 'Mobilität'];
const targetP99Ms = 200;
const targetPresenterMs = 1000;

interface StaffState {
	type: 'state';
	state: { questions: { id: string; tally: { respondents: number } }[] };
}

/** The projector's live connection: remembers when a question's count first reached a number. */
function watchAsPresenter(baseUrl: string, eventId: string, cookie: string) {
	const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/collab/poll/${eventId}`, {
		origin: baseUrl,
		headers: { cookie }
	});
	const reached = new Map<string, { count: number; at: number }>();
	const waiters: (() => void)[] = [];
	socket.on('message', (data) => {
		const message = JSON.parse(String(data)) as StaffState;
		if (message.type !== 'state') return;
		const now = sharedClockMs();
		for (const question of message.state.questions) {
			const seen = reached.get(question.id);
			if (!seen || question.tally.respondents > seen.count) {
				reached.set(question.id, { count: question.tally.respondents, at: now });
			}
		}
		for (const wake of waiters.splice(0)) wake();
	});
	return {
		opened: new Promise<void>((resolve, reject) => {
			socket.once('open', () => resolve());
			socket.once('error', reject);
		}),
		/** When the count of the question reached `count`, or undefined after the timeout. */
		async reachedAt(questionId: string, count: number, timeoutMs: number) {
			const deadline = sharedClockMs() + timeoutMs;
			for (;;) {
				const seen = reached.get(questionId);
				if (seen && seen.count >= count) return seen.at;
				const left = deadline - sharedClockMs();
				if (left <= 0) return undefined;
				await new Promise<void>((resolve) => {
					const timer = setTimeout(resolve, left);
					waiters.push(() => {
						clearTimeout(timer);
						resolve();
					});
				});
			}
		},
		close: () => socket.close()
	};
}

async function moderate(staff: AppSession, action: string, fields: Record<string, string>) {
	const response = await staff.postForm(`/konferenzen/${eventSlug}/umfragen?/${action}`, fields);
	await response.arrayBuffer();
	if (response.status !== 200)
		throw new Error(`Moderation „${action}“ scheiterte: ${response.status}`);
}

async function openQuestion(staff: AppSession, dataDir: string, prompt: string): Promise<string> {
	await moderate(staff, 'create', {
		type: 'multiple',
		prompt,
		options: options.join('\n'),
		// An unticked box is not sent at all, as a browser does: answers may not be changed.
		maxChoices: '2'
	});
	const [row] = queryDatabase<{ id: string }>(
		dataDir,
		'select id from poll_question where prompt = ?',
		prompt
	);
	await moderate(staff, 'open', { questionId: row.id });
	return row.id;
}

function send(worker: ChildProcess, command: BurstCommand) {
	worker.send(command);
}

export async function runVoteBurst(
	burst: VoteBurstOptions,
	progress: (line: string) => void
): Promise<BenchmarkResult> {
	const app = await startApp();
	const workers = Array.from({ length: burst.workers }, () =>
		forkWorker('bench/vote-burst/participant-worker.ts')
	);
	try {
		const staff = await signIn(app.url, benchAdmin.email, benchAdmin.password);
		const [event] = queryDatabase<{ id: string; join_code: string }>(
			app.dataDir,
			'select id, join_code from event where slug = ?',
			eventSlug
		);
		const workingGroupIds = queryDatabase<{ id: string }>(
			app.dataDir,
			'select id from working_group where event_id = ? order by sort_order',
			event.id
		).map((row) => row.id);

		const perWorker = workers.map(
			(_, index) =>
				Math.floor(burst.participants / workers.length) +
				(index < burst.participants % workers.length ? 1 : 0)
		);
		const joined = workers.map((worker) => nextMessage(worker, 'joined', 300_000));
		workers.forEach((worker, index) =>
			send(worker, {
				type: 'join',
				baseUrl: app.url,
				joinCode: event.join_code,
				workingGroupIds,
				participants: perWorker[index]
			})
		);
		await Promise.all(joined);
		progress(`Abstimmung: ${burst.participants} Teilnehmende beigetreten`);

		const presenter = watchAsPresenter(app.url, event.id, staff.cookieHeader);
		await presenter.opened;
		const runs: Record<string, number>[] = [];
		let previous: string | undefined;
		// Repetition 0 warms up; each repetition is a new question, as in a real session.
		for (let repetition = 0; repetition <= burst.repetitions; repetition++) {
			if (previous) await moderate(staff, 'close', { questionId: previous });
			const questionId = await openQuestion(
				staff,
				app.dataDir,
				`Was soll der Kreis zuerst angehen? (Messung ${repetition})`
			);
			previous = questionId;
			await app.server.resetProbe();
			const startAt = sharedClockMs() + 500;
			const answered = workers.map((worker) =>
				nextMessage<AnswerReport>(worker, 'answered', burst.windowMs + 120_000)
			);
			for (const worker of workers) {
				send(worker, {
					type: 'answer',
					slug: eventSlug,
					questionId,
					optionCount: options.length,
					startAt,
					windowMs: burst.windowMs
				});
			}
			const reports = await Promise.all(answered);
			const lastAnsweredAt = Math.max(...reports.map((report) => report.lastAnsweredAt));
			const finalAt = await presenter.reachedAt(questionId, burst.participants, 10_000);
			const sample = await app.server.sampleProbe();
			const [stored] = queryDatabase<{ answers: number; people: number }>(
				app.dataDir,
				'select count(*) as answers, count(distinct participant_id) as people from poll_answer where question_id = ?',
				questionId
			);
			const latencies = reports.flatMap((report) => report.latencies);
			const refused = reports.reduce(
				(sum, report) => sum + Object.values(report.refused).reduce((a, b) => a + b, 0),
				0
			);
			const run = {
				accepted: reports.reduce((sum, report) => sum + report.accepted, 0),
				refused,
				storedAnswers: stored.answers,
				storedParticipants: stored.people,
				p50Ms: percentile(latencies, 50),
				p99Ms: percentile(latencies, 99),
				// Negative when the projector had the final count before the last phone had its reply.
				presenterFinalDelayMs: finalAt === undefined ? Number.NaN : finalAt - lastAnsweredAt,
				cpuPercent: sample.cpuPercent,
				rssMb: sample.rssMb,
				eventLoopDelayP99Ms: sample.eventLoopDelayP99Ms
			};
			if (repetition > 0) runs.push(run);
			const byReason = new Map<string, number>();
			for (const [reason, count] of reports.flatMap((report) => Object.entries(report.refused)))
				byReason.set(reason, (byReason.get(reason) ?? 0) + count);
			const reasons = [...byReason].map(([reason, count]) => `${count}× ${reason}`);
			progress(
				`Abstimmung ${burst.participants} ${repetition === 0 ? 'Aufwärmen' : `#${repetition}`}: ${run.accepted} angenommen${reasons.length ? ` (abgelehnt: ${reasons.join(', ')})` : ''}, p99 ${round(run.p99Ms)} ms, Projektion ${run.presenterFinalDelayMs >= 0 ? '+' : ''}${round(run.presenterFinalDelayMs)} ms`
			);
		}
		presenter.close();

		const medians = Object.fromEntries(
			Object.entries(medianOfRuns(runs)).map(([key, value]) => [key, round(value)])
		);
		const everyAnswerOnce = runs.every(
			(run) =>
				run.accepted === burst.participants &&
				run.storedAnswers === burst.participants &&
				run.storedParticipants === burst.participants
		);
		return {
			benchmark: 'vote-burst',
			name: `vote burst ${burst.participants}`,
			parameters: {
				participants: burst.participants,
				windowMs: burst.windowMs,
				workers: burst.workers,
				questionType: 'multiple'
			},
			repetitions: burst.repetitions,
			medians: { ours: medians },
			ratioOf: `p99(ours) / Ziel ${targetP99Ms} ms`,
			ratio: ratio(medians.p99Ms, targetP99Ms),
			target: burst.timeTargets
				? `alle ${burst.participants} genau einmal, p99 < ${targetP99Ms} ms, Projektion ≤ ${targetPresenterMs} ms`
				: `alle ${burst.participants} genau einmal; Zeiten ohne Vorgabe (#23)`,
			targetMet: !everyAnswerOnce
				? false
				: burst.timeTargets
					? medians.p99Ms < targetP99Ms && medians.presenterFinalDelayMs <= targetPresenterMs
					: null,
			details: { everyAnswerStoredOnce: everyAnswerOnce },
			notes: [
				'Kein Referenzserver: verglichen wird mit dem Ziel aus Issue #11 (auch ohne Vorgabe, als Maßstab).',
				'Antworten wie aus der hydrierten Seite (use:enhance, JSON-Antwort); nur die Projektion hält eine WebSocket-Verbindung.'
			]
		};
	} finally {
		await Promise.all(workers.map(stopWorker));
		await app.server.stop();
		removeDataDir(app.dataDir);
	}
}
