/**
 * Bounds on what a trigger keeps between polls, so a provider that sends
 * hostile or endless ids cannot grow the workflow's static data without limit.
 * Ids are kept in objects without a prototype, so ids such as `__proto__` or
 * `constructor` are tracked like any other.
 */
export const MAX_ID_LENGTH = 200;
const MAX_STATUS_LENGTH = 100;
export const MAX_TRACKED = 10_000;
export const MAX_STATUSES = 50;

/** A copy of `known` without a prototype: every id, whatever its name, is just a key. */
export function idMap(from?: Record<string, string>): Record<string, string> {
	const map = Object.create(null) as Record<string, string>;
	for (const [id, status] of Object.entries(from ?? {}))
		if (typeof status === 'string') map[id] = status;
	return map;
}

export const has = (map: Record<string, string>, id: string): boolean =>
	Object.prototype.hasOwnProperty.call(map, id);

/**
 * Keeps the state of one poll within the bounds: decides whether a record may
 * be kept, and records which bound was reached, once each, for the note on
 * the poll's items.
 */
export class StateBounds {
	private notes = new Map<string, string>();
	private count: number;
	private statuses: Set<string>;

	constructor(private readonly known: Record<string, string>) {
		const values = Object.values(known);
		this.count = values.length;
		this.statuses = new Set(values);
	}

	get list(): string[] {
		return [...this.notes.values()];
	}

	/** Leaves `id` out of the state (a record already followed stops being followed) and notes why. */
	private refuse(id: string, key: string, text: string): void {
		if (!this.notes.has(key)) this.notes.set(key, text);
		this.drop(id);
	}

	/** Keeps `id` in `status` when the bounds allow it; else leaves it out and notes why. */
	track(id: string, status: string): void {
		if (id.length > MAX_ID_LENGTH) {
			this.refuse(
				id,
				'id',
				`Ids longer than ${MAX_ID_LENGTH} characters are reported but not followed for later changes.`,
			);
		} else if (status.length > MAX_STATUS_LENGTH) {
			this.refuse(
				id,
				'status',
				`Statuses longer than ${MAX_STATUS_LENGTH} characters are reported but not followed for later changes.`,
			);
		} else if (!has(this.known, id) && this.count >= MAX_TRACKED) {
			this.refuse(
				id,
				'tracked',
				`The trigger already follows ${MAX_TRACKED} records, its limit: newer records are reported once but not followed for later changes.`,
			);
		} else if (!this.statuses.has(status) && this.statuses.size >= MAX_STATUSES) {
			this.refuse(
				id,
				'statuses',
				`The provider used more than ${MAX_STATUSES} different statuses: records in further statuses are reported once but not followed for later changes.`,
			);
		} else {
			if (!has(this.known, id)) this.count++;
			this.statuses.add(status);
			this.known[id] = status;
		}
	}

	/** Stops following `id`. */
	drop(id: string): void {
		if (!has(this.known, id)) return;
		delete this.known[id];
		this.count--;
	}
}
