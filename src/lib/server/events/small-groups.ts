// Results broken down by group (Kommune, kind of organisation) must not single anyone out. One
// rule for the dots on boards and the answers to polls, and it counts people, not dots or
// answers: a group is shown on its own only with at least three different people in it. The
// smaller groups are folded into one "Weitere" where they are three people or more together;
// otherwise they are left out.

export const smallestGroup = 3;

export interface PeopleGroup<T> {
	key: string;
	items: T[];
	/** Different people in the group. */
	people: number;
}

export interface GroupedByPeople<T> {
	/** Groups of at least three people, in the order their first item came. */
	shown: PeopleGroup<T>[];
	/** The smaller groups together, when they hold three people or more; null otherwise. */
	others: PeopleGroup<T> | null;
	/** What is in no group shown: the small groups' items when they are too few together. */
	hidden: T[];
}

function peopleIn<T>(items: readonly T[], personOf: (item: T) => string): number {
	return new Set(items.map(personOf)).size;
}

export function groupByPeople<T>(
	items: readonly T[],
	groupOf: (item: T) => string,
	personOf: (item: T) => string
): GroupedByPeople<T> {
	const byKey = new Map<string, T[]>();
	for (const item of items) {
		const key = groupOf(item);
		const group = byKey.get(key);
		if (group) group.push(item);
		else byKey.set(key, [item]);
	}
	const shown: PeopleGroup<T>[] = [];
	const small: T[] = [];
	for (const [key, members] of byKey) {
		const people = peopleIn(members, personOf);
		if (people >= smallestGroup) shown.push({ key, items: members, people });
		else small.push(...members);
	}
	// Someone in two small groups (their stated Kommune changed in between) is one person here.
	const foldedPeople = peopleIn(small, personOf);
	if (small.length > 0 && foldedPeople >= smallestGroup) {
		return { shown, others: { key: 'Weitere', items: small, people: foldedPeople }, hidden: [] };
	}
	return { shown, others: null, hidden: small };
}
