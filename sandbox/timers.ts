/**
 * Timers of the server (latency, hung sockets), all unref'd and cleared on
 * close so that nothing keeps the process alive.
 */
export class TimerRegistry {
	private timers = new Set<NodeJS.Timeout>();

	after(ms: number, fn: () => void): void {
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			fn();
		}, ms);
		timer.unref();
		this.timers.add(timer);
	}

	/** Resolves after `ms`; never resolves once the registry is cleared. */
	sleep(ms: number): Promise<void> {
		return new Promise((resolve) => this.after(ms, resolve));
	}

	clear(): void {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
	}
}
