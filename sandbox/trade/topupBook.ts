import type { TopupRecord } from './model';

/** Every top-up placed, and the ones still waiting to complete. */
export class TopupBook {
	private all: TopupRecord[] = [];
	private pending: TopupRecord[] = [];

	get records(): readonly TopupRecord[] {
		return this.all;
	}

	add(record: TopupRecord): void {
		this.all.push(record);
		if (record.status === 'processing') this.pending.push(record);
	}

	/** Completes the top-ups due at `now`, calling `onComplete` for each. */
	completeDue(now: number, onComplete: (record: TopupRecord) => void): void {
		if (this.pending.length === 0) return;
		for (const record of this.pending) {
			if (record.dueAt > now) continue;
			record.status = 'completed';
			onComplete(record);
		}
		this.pending = this.pending.filter((record) => record.status === 'processing');
	}

	clear(): void {
		this.all = [];
		this.pending = [];
	}
}
