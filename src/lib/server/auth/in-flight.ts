// Sign-ins still being checked (a password hash takes about 100 ms). Waits are looked at before
// the password and failures counted after it, so without this bound a script sending a hundred
// attempts at once would have all of them checked before the first failure counted.
export class InFlight {
	private readonly counts = new Map<string, number>();

	/** Takes a place under each key; undefined, taking nothing, when one of them is full. The
	 * returned function gives the places back. */
	enter(limits: Record<string, number>): (() => void) | undefined {
		const keys = Object.keys(limits);
		if (keys.some((key) => (this.counts.get(key) ?? 0) >= limits[key])) return undefined;
		for (const key of keys) this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
		let released = false;
		return () => {
			if (released) return;
			released = true;
			for (const key of keys) {
				const left = (this.counts.get(key) ?? 1) - 1;
				if (left > 0) this.counts.set(key, left);
				else this.counts.delete(key);
			}
		};
	}
}
