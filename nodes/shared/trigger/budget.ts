import type { IPollFunctions } from 'n8n-workflow';

/** Used when n8n does not say how long a poll may take (before n8n 2.40). */
const FALLBACK_BUDGET_MS = 50_000;

/** Share of the budget spent fetching; the rest is left for building events and saving state. */
const FETCH_SHARE = 0.8;

export interface Budget {
	/** True once no further request should start. */
	exhausted(): boolean;
}

/** The poll's time budget, from `getPollBudgetMs()` where n8n provides it. */
export function pollBudget(ctx: IPollFunctions, now: () => number = Date.now): Budget {
	const provided = (ctx as Partial<Pick<IPollFunctions, 'getPollBudgetMs'>>).getPollBudgetMs;
	const total = typeof provided === 'function' ? Number(provided.call(ctx)) : FALLBACK_BUDGET_MS;
	const deadline =
		now() + (Number.isFinite(total) && total > 0 ? total : FALLBACK_BUDGET_MS) * FETCH_SHARE;
	return { exhausted: () => now() >= deadline };
}
