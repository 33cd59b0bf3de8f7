export interface RateDecision {
	allowed: boolean;
	/** Whole seconds until the principal's current window ends (at least 1). */
	retryAfterSeconds: number;
}

/**
 * Fixed-window limiter per principal: a window opens on the principal's first
 * request and admits `limit` requests until it ends. Computed on demand, so no
 * timer ever keeps the process alive.
 */
export class FixedWindowLimiter {
	private windows = new Map<string, { start: number; count: number }>();

	hit(principal: string, limit: number, windowMs: number, now = Date.now()): RateDecision {
		let window = this.windows.get(principal);
		if (!window || now >= window.start + windowMs) {
			window = { start: now, count: 0 };
			this.windows.set(principal, window);
		}
		const retryAfterSeconds = Math.max(1, Math.ceil((window.start + windowMs - now) / 1000));
		if (limit > 0 && window.count >= limit) return { allowed: false, retryAfterSeconds };
		window.count += 1;
		return { allowed: true, retryAfterSeconds };
	}

	/** Seconds to the end of the principal's window, or 1 when it has none. */
	retryAfter(principal: string | undefined, windowMs: number, now = Date.now()): number {
		const window = principal === undefined ? undefined : this.windows.get(principal);
		if (!window || now >= window.start + windowMs) return 1;
		return Math.max(1, Math.ceil((window.start + windowMs - now) / 1000));
	}

	clear(): void {
		this.windows.clear();
	}
}
