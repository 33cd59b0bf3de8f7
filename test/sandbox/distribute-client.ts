import {
	createDistributeSim,
	type DistributeOptions,
	type DistributeSim,
} from '../../sandbox/distribute';
import type { SimResponse } from '../../sandbox/types';

export const ORIGIN = 'http://127.0.0.1:40999';
/** 2026-03-10T12:00:00Z */
export const START_MS = Date.UTC(2026, 2, 10, 12, 0, 0);

export interface Envelope<T> {
	success: boolean;
	data: T;
	message: string;
	error: string;
}

export interface Reply<T> {
	status: number;
	body: Envelope<T>;
	raw: SimResponse;
}

export interface CallOptions {
	body?: unknown;
	query?: Record<string, string>;
	token?: string;
	headers?: Record<string, string>;
}

/** A simulator on an injected clock, with helpers to call it and to move time. */
export function setup(opts: DistributeOptions = {}) {
	let clock = START_MS;
	const sim: DistributeSim = createDistributeSim({ seed: 7, now: () => clock, ...opts });
	let token = '';

	function call<T = unknown>(method: string, path: string, options: CallOptions = {}): Reply<T> {
		const auth = options.token ?? token;
		const raw = sim.handle({
			method,
			path: `/api/tenant${path}`,
			query: options.query ?? {},
			headers: { ...(auth ? { authorization: `Bearer ${auth}` } : {}), ...options.headers },
			body: options.body,
			origin: ORIGIN,
		}) as SimResponse;
		return { status: raw.status, body: raw.body as Envelope<T>, raw };
	}

	function login(credentials: { email: string; password: string } = sim.demoCredentials): string {
		const res = call<{ token: string }>('POST', '/login', { body: credentials, token: '' });
		if (res.status !== 200) throw new Error(`login failed: ${JSON.stringify(res.body)}`);
		token = res.body.data.token;
		return token;
	}

	function admin<T = unknown>(method: string, subPath: string, body?: unknown): Reply<T> {
		const raw = sim.admin(method, subPath, body, ORIGIN) as SimResponse;
		return { status: raw.status, body: raw.body as Envelope<T>, raw };
	}

	return {
		sim,
		call,
		login,
		admin,
		advance(ms: number): void {
			clock += ms;
		},
		now: (): number => clock,
	};
}

/** The id of the first active plan whose name starts with `prefix`. */
export function planId(sim: DistributeSim, prefix: string): string {
	const plan = sim.plans.find((p) => p.active && p.name.startsWith(prefix));
	if (!plan) throw new Error(`no plan ${prefix}`);
	return plan.id;
}
