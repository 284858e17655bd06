// A worker process holding some of the vote burst's participants: each joins by code like a
// phone, then answers once at its own random moment, as the hydrated page's form would send it.
import { joinEvent, type AppSession } from '../lib/app-client';
import { sharedClockMs } from '../lib/clock';
import type { AnswerCommand, BurstCommand, BurstReport, JoinCommand } from './protocol';

let participants: AppSession[] = [];

function report(message: BurstReport) {
	process.send!(message);
}

async function join(command: JoinCommand) {
	participants = [];
	// A few at a time: a room of phones scanning the QR code, not one after another.
	const parallel = 4;
	let next = 0;
	const joinOne = async (): Promise<void> => {
		while (next < command.participants) {
			const index = next++;
			const group = command.workingGroupIds[index % command.workingGroupIds.length];
			participants.push(await joinEvent(command.baseUrl, command.joinCode, group));
		}
	};
	await Promise.all(Array.from({ length: parallel }, joinOne));
	report({ type: 'joined' });
}

async function answer(command: AnswerCommand) {
	const latencies: number[] = [];
	const refused: Record<string, number> = {};
	let accepted = 0;
	let lastAnsweredAt = 0;
	const path = `/teilnahme/${command.slug}/umfrage?/answer`;
	await Promise.all(
		participants.map(async (participant) => {
			const at = command.startAt + Math.random() * command.windowMs;
			await new Promise((resolve) => setTimeout(resolve, Math.max(0, at - sharedClockMs())));
			const first = Math.floor(Math.random() * command.optionCount);
			const second = Math.floor(Math.random() * command.optionCount);
			const choices = [...new Set([first, second])].map(String);
			const sentAt = sharedClockMs();
			let response: Response;
			try {
				response = await participant.postForm(
					path,
					{ questionId: command.questionId, choices },
					{ enhanced: true }
				);
			} catch (err) {
				// A server that cannot keep up may refuse or drop connections: that is a refused
				// answer to report, not a reason to abandon the whole burst.
				const cause = (err as { cause?: { code?: string } }).cause?.code ?? String(err);
				const key = `Netzfehler ${cause}`;
				refused[key] = (refused[key] ?? 0) + 1;
				return;
			}
			const body = (await response.json().catch(() => ({}))) as { type?: string };
			const answeredAt = sharedClockMs();
			latencies.push(answeredAt - sentAt);
			lastAnsweredAt = Math.max(lastAnsweredAt, answeredAt);
			if (response.status === 200 && body.type === 'success') accepted += 1;
			else {
				const key = `${response.status} ${body.type ?? ''}`.trim();
				refused[key] = (refused[key] ?? 0) + 1;
			}
		})
	);
	report({ type: 'answered', latencies, accepted, refused, lastAnsweredAt });
}

process.on('message', (command: BurstCommand) => {
	const work = command.type === 'join' ? join(command) : answer(command);
	work.catch((err: unknown) => report({ type: 'error', message: String(err) }));
});
