// How every benchmark repeats its subjects (our server and the references, or stored histories):
// one warm-up round that is not counted, then `repetitions` counted rounds, each starting with
// the next subject, so no subject always runs first, on a cooler machine.

/** The progress label of a round: the warm-up, or its number. */
export function roundLabel(repetition: number): string {
	return repetition === 0 ? 'Aufwärmen' : `#${repetition}`;
}

/** Runs every subject once per round; returns the counted results per key, in round order. */
export async function interleavedRounds<Subject, Key, Result>(
	subjects: readonly Subject[],
	keyOf: (subject: Subject) => Key,
	repetitions: number,
	run: (subject: Subject, repetition: number) => Promise<Result>
): Promise<Map<Key, Result[]>> {
	const results = new Map<Key, Result[]>(subjects.map((subject) => [keyOf(subject), []]));
	for (let repetition = 0; repetition <= repetitions; repetition++) {
		for (let turn = 0; turn < subjects.length; turn++) {
			const subject = subjects[(turn + repetition) % subjects.length];
			const result = await run(subject, repetition);
			if (repetition > 0) results.get(keyOf(subject))!.push(result);
		}
	}
	return results;
}
