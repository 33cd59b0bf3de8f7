/**
 * Contracts shared by the sandbox server and the two provider simulators.
 * The server owns HTTP, the request log, faults and rate limits; a simulator
 * only turns a parsed request into a response and keeps its own state.
 */

export interface SimRequest {
	method: string;
	/** Path without the provider prefix handling: the full URL path, e.g. `/api/v1/portal/order`. */
	path: string;
	query: Record<string, string>;
	headers: Record<string, string | undefined>;
	/** Parsed JSON body, `undefined` when there was none, or the raw string when it was not JSON. */
	body: unknown;
	/** Absolute base of the sandbox, e.g. `http://127.0.0.1:40123`, for building URLs in responses. */
	origin: string;
}

export interface SimResponse {
	status: number;
	/** JSON-serialisable body, or a string/Buffer sent as is. */
	body?: unknown;
	headers?: Record<string, string>;
	/**
	 * Set by routes that move money (create order, top-up, checkout) once the
	 * change is committed: lets the server apply the "reset after commit" and
	 * "hang after commit" faults on exactly those routes.
	 */
	committed?: boolean;
	/** The authenticated principal (access code, tenant id), used for rate limiting and the request log. */
	principal?: string;
}

export interface ProviderSim {
	/** `trade` or `distribute`. */
	readonly name: string;
	/** True when this simulator serves the path. */
	matches(path: string): boolean;
	/** The principal a request authenticates as, before handling (for rate limits); undefined when unauthenticated. */
	principalOf(req: SimRequest): string | undefined;
	handle(req: SimRequest): Promise<SimResponse> | SimResponse;
	/** Admin routes under `/__admin/<name>/...`; `subPath` is what follows that prefix. */
	admin(
		method: string,
		subPath: string,
		body: unknown,
		origin: string,
	): Promise<SimResponse> | SimResponse;
	/** Back to the seeded state. */
	reset(): void;
}

/** A request kind the fault injector can target, e.g. `POST /api/v1/portal/order`, or `*`. */
export type FaultKind = 'reset-before' | 'reset-after-commit' | 'hang-after-commit' | '5xx' | '429';

export interface FaultRule {
	/** `METHOD /path` (path without query), or `*` for every provider route. */
	route: string;
	kind: FaultKind;
	/** How many times to fire before the rule is used up (queue mode). */
	count?: number;
	/** Probability 0..1 instead of a count (rate mode). */
	rate?: number;
	/** For `5xx` and `429`: the `Retry-After` seconds to send (`5xx` sends none by default). */
	retryAfterSec?: number;
}

export interface FaultSettings {
	/** Added to every provider request. */
	latencyMs: number;
	/** Fixed-window rate limit per principal; 0 disables. */
	rateLimit: { limit: number; windowMs: number };
	/** How long `hang-after-commit` holds the socket open before destroying it. */
	hangMs: number;
	rules: FaultRule[];
	/** Seed for the fault RNG (deterministic runs). */
	seed: number;
}

export interface RequestLogEntry {
	seq: number;
	at: number;
	method: string;
	path: string;
	query: Record<string, string>;
	/** Provider name, `admin`, or `other`. */
	provider: string;
	status: number;
	principal?: string;
	/** Which fault fired on this request, if any. */
	fault?: FaultKind;
	/** Body with every secret-looking field removed (password, secret, token). */
	body?: unknown;
}
