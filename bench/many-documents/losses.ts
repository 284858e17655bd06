// Losses when clients are spread over several documents: an edit is owed only to the other
// clients of its sender's document.
import type { ClientPlan } from '../fanout/protocol';

/** Edits a receiver in the sender's document should have had and did not; `plans` by client id. */
export function countRoomLosses(
	sent: Record<number, number>,
	received: Record<string, number>,
	plans: readonly ClientPlan[]
): number {
	let losses = 0;
	for (const [sender, count] of Object.entries(sent)) {
		const room = plans[Number(sender)].room;
		for (const receiver of plans) {
			if (receiver.room !== room || String(receiver.clientId) === sender) continue;
			losses += Math.max(0, count - (received[`${receiver.clientId}:${sender}`] ?? 0));
		}
	}
	return losses;
}
