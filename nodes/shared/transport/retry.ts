import { sleep } from 'n8n-workflow';

/** Bounds for retrying 429, 5xx and dropped connections. */
export interface RetrySettings {
	maxRetries: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** A longer `Retry-After` than this is not waited for: the error is reported instead. */
	maxRetryAfterMs: number;
	/**
	 * Bound on one request's attempts plus the waits between them: no retry or
	 * wait starts that would end after it (the first attempt always gets its
	 * whole Request Timeout).
	 */
	maxTotalMs: number;
}

export const DEFAULT_RETRY: RetrySettings = {
	maxRetries: 5,
	baseDelayMs: 300,
	maxDelayMs: 10_000,
	maxRetryAfterMs: 65_000,
	maxTotalMs: 150_000,
};

/** `Retry-After` as milliseconds (seconds or an HTTP date), or undefined. */
export function retryAfterMs(
	headers: Record<string, string>,
	now = Date.now(),
): number | undefined {
	const value = headers['retry-after'];
	if (value === undefined || value === '') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with full jitter on the upper half. */
export function backoffMs(attempt: number, settings: RetrySettings): number {
	const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** attempt);
	return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

export async function wait(ms: number): Promise<void> {
	if (ms > 0) await sleep(ms);
}
