import { createRng, type Rng } from './rng';
import type { FaultKind, FaultRule, FaultSettings } from './types';

export const DEFAULT_FAULT_SEED = 1;
/** The delay latency mode adds to every provider request when it is switched on without a value. */
export const DEFAULT_LATENCY_MS = 80;

const BEFORE_KINDS: readonly FaultKind[] = ['reset-before', '5xx', '429'];
const AFTER_COMMIT_KINDS: readonly FaultKind[] = ['reset-after-commit', 'hang-after-commit'];
const ALL_KINDS: readonly FaultKind[] = [...BEFORE_KINDS, ...AFTER_COMMIT_KINDS];

export function defaultFaultSettings(seed = DEFAULT_FAULT_SEED, latencyMs = 0): FaultSettings {
	return {
		latencyMs,
		rateLimit: { limit: 0, windowMs: 60_000 },
		hangMs: 2_000,
		rules: [],
		seed,
	};
}

/** A rule matches `*`, an exact `METHOD /path`, or a `METHOD /prefix*`. */
export function ruleMatches(rule: FaultRule, routeKey: string): boolean {
	if (rule.route === '*') return true;
	if (rule.route.endsWith('*')) return routeKey.startsWith(rule.route.slice(0, -1));
	return rule.route === routeKey;
}

/**
 * Holds the fault settings and decides, per request, which fault fires.
 * Count rules are used up as they fire; rate rules roll the seeded RNG.
 */
export class FaultController {
	private current: FaultSettings;
	private rng: Rng;

	/**
	 * @param baseLatencyMs latency mode from the start options: kept by `clear()` and the sandbox's
	 * reset, so a whole run (a bench at 80 ms) keeps its delay.
	 */
	constructor(
		private readonly baseSeed = DEFAULT_FAULT_SEED,
		private readonly baseLatencyMs = 0,
	) {
		this.current = defaultFaultSettings(baseSeed, baseLatencyMs);
		this.rng = createRng(baseSeed);
	}

	/** A copy of the current settings. */
	get settings(): FaultSettings {
		return structuredClone(this.current);
	}

	/** The live settings, read-only, without copying (for the per-request path). */
	peek(): Readonly<FaultSettings> {
		return this.current;
	}

	/** Merges a partial update; `rules`, when given, replaces the rule list. */
	set(partial: Partial<FaultSettings>): FaultSettings {
		const error = validateFaultSettings(partial);
		if (error) throw new Error(error);
		const { latencyMs, hangMs, rateLimit, rules, seed } = partial;
		if (latencyMs !== undefined) this.current.latencyMs = latencyMs;
		if (hangMs !== undefined) this.current.hangMs = hangMs;
		if (rateLimit) this.current.rateLimit = { ...this.current.rateLimit, ...rateLimit };
		if (rules) this.current.rules = rules.map((rule) => ({ ...rule }));
		if (seed !== undefined) {
			this.current.seed = seed;
			this.rng = createRng(seed);
		}
		return this.settings;
	}

	addRule(rule: FaultRule): void {
		const error = validateRule(rule);
		if (error) throw new Error(error);
		this.current.rules.push({ ...rule });
	}

	/** Back to the defaults: the start latency (0 unless set), no rate limit, no rules, the original seed. */
	clear(): void {
		this.current = defaultFaultSettings(this.baseSeed, this.baseLatencyMs);
		this.rng = createRng(this.baseSeed);
	}

	/** The fault to apply before handling (`reset-before`, `5xx`, `429`), consuming it. */
	takeBefore(routeKey: string): FaultKind | undefined {
		return this.take(routeKey, BEFORE_KINDS)?.kind;
	}

	/** Like `takeBefore`, with the whole rule (for its `retryAfterSec`). */
	takeBeforeRule(routeKey: string): FaultRule | undefined {
		return this.take(routeKey, BEFORE_KINDS);
	}

	/** The fault to apply once a route has committed (`reset-after-commit`, `hang-after-commit`), consuming it. */
	takeAfterCommit(routeKey: string): FaultKind | undefined {
		return this.take(routeKey, AFTER_COMMIT_KINDS)?.kind;
	}

	private take(routeKey: string, kinds: readonly FaultKind[]): FaultRule | undefined {
		const rules = this.current.rules;
		for (let i = 0; i < rules.length; i++) {
			const rule = rules[i] as FaultRule;
			if (!kinds.includes(rule.kind) || !ruleMatches(rule, routeKey)) continue;
			if (rule.count !== undefined) {
				rule.count -= 1;
				if (rule.count <= 0) rules.splice(i, 1);
				return rule;
			}
			if (this.rng.chance(rule.rate ?? 0)) return rule;
		}
		return undefined;
	}
}

function isNonNegative(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

export function validateRule(rule: unknown): string | undefined {
	if (rule === null || typeof rule !== 'object') return 'A fault rule must be an object';
	const { route, kind, count, rate } = rule as Record<string, unknown>;
	if (typeof route !== 'string' || route.length === 0)
		return 'A fault rule needs a route (`METHOD /path` or `*`)';
	if (typeof kind !== 'string' || !ALL_KINDS.includes(kind as FaultKind)) {
		return `A fault rule kind must be one of ${ALL_KINDS.join(', ')}`;
	}
	if (count === undefined && rate === undefined) return 'A fault rule needs a count or a rate';
	if (count !== undefined && !(Number.isInteger(count) && (count as number) > 0))
		return 'count must be a positive integer';
	if (rate !== undefined && !(isNonNegative(rate) && rate <= 1))
		return 'rate must be between 0 and 1';
	return undefined;
}

/** An error message for an invalid partial settings object, or undefined when it is valid. */
export function validateFaultSettings(partial: unknown): string | undefined {
	if (partial === null || typeof partial !== 'object' || Array.isArray(partial))
		return 'Fault settings must be an object';
	const { latencyMs, rateLimit, hangMs, rules, seed } = partial as Record<string, unknown>;
	if (latencyMs !== undefined && !isNonNegative(latencyMs))
		return 'latencyMs must be a non-negative number';
	if (hangMs !== undefined && !isNonNegative(hangMs)) return 'hangMs must be a non-negative number';
	if (seed !== undefined && !Number.isInteger(seed)) return 'seed must be an integer';
	if (rateLimit !== undefined) {
		if (rateLimit === null || typeof rateLimit !== 'object') return 'rateLimit must be an object';
		const { limit, windowMs } = rateLimit as Record<string, unknown>;
		if (limit !== undefined && !(Number.isInteger(limit) && (limit as number) >= 0)) {
			return 'rateLimit.limit must be a non-negative integer';
		}
		if (windowMs !== undefined && !(isNonNegative(windowMs) && windowMs > 0))
			return 'rateLimit.windowMs must be positive';
	}
	if (rules !== undefined) {
		if (!Array.isArray(rules)) return 'rules must be an array';
		for (const rule of rules) {
			const error = validateRule(rule);
			if (error) return error;
		}
	}
	return undefined;
}
