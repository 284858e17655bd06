// The typing phase both co-editing benchmarks share (one document, many documents): every client
// worker starts its typists at once, and each reports how many edits each of its typists sent.
import type { ChildProcess } from 'node:child_process';
import { nextMessage } from '../lib/processes';
import type { GoCommand, TypedReport } from './protocol';

/** Lets every worker type; returns the edits sent per typist, over all workers. */
export async function typeInEveryWorker(
	workers: readonly ChildProcess[],
	go: Omit<GoCommand, 'type'>
): Promise<Record<number, number>> {
	const typed = workers.map((worker) => nextMessage<TypedReport>(worker, 'typed'));
	const command: GoCommand = { type: 'go', ...go };
	for (const worker of workers) worker.send(command);
	return Object.assign({}, ...(await Promise.all(typed)).map((report) => report.sent));
}
