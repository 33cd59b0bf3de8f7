import { DEFAULT_LATENCY_MS, type FaultController } from './faults';
import { jsonError } from './http';
import type { RequestLog } from './requestLog';
import type { FaultRule, FaultSettings, ProviderSim, SimResponse } from './types';

export const ADMIN_PREFIX = '/__admin';

export interface AdminDeps {
	sims: Record<string, ProviderSim>;
	faults: FaultController;
	log: RequestLog;
	reset(): void;
	startedAt: number;
}

function ok(body: unknown): SimResponse {
	return { status: 200, body };
}

function asObject(body: unknown): Record<string, unknown> | undefined {
	if (body === undefined || body === null) return {};
	return typeof body === 'object' && !Array.isArray(body)
		? (body as Record<string, unknown>)
		: undefined;
}

function attempt(action: () => unknown): SimResponse {
	try {
		return ok(action());
	} catch (error) {
		return jsonError(400, error instanceof Error ? error.message : String(error));
	}
}

/**
 * Latency mode: `{}` or `{ "on": true }` switches it on at 80 ms, `{ "ms": n }` sets n ms
 * (0 switches it off), `{ "on": false }` switches it off.
 */
function latencySwitch(body: Record<string, unknown>): Partial<FaultSettings> {
	const { on, ms } = body;
	if (on !== undefined && typeof on !== 'boolean') throw new Error('on must be true or false');
	if (ms !== undefined && on === false) throw new Error('Give either ms or on: false, not both');
	if (ms !== undefined && !(typeof ms === 'number' && Number.isFinite(ms) && ms >= 0))
		throw new Error('ms must be a non-negative number of milliseconds');
	if (on === false) return { latencyMs: 0 };
	return { latencyMs: ms === undefined ? DEFAULT_LATENCY_MS : (ms as number) };
}

/**
 * `/__admin/...`: health, reset, faults, the request log, and
 * `/__admin/<provider>/...` forwarded to that simulator's `admin()`.
 */
export async function handleAdmin(
	deps: AdminDeps,
	method: string,
	path: string,
	query: Record<string, string>,
	rawBody: unknown,
	origin: string,
): Promise<SimResponse> {
	const rest = path.slice(ADMIN_PREFIX.length).replace(/^\/+|\/+$/g, '');
	const [head = '', ...tail] = rest.split('/');
	const sim = deps.sims[head];
	if (sim) return sim.admin(method, tail.join('/'), rawBody, origin);

	const body = asObject(rawBody);
	if (!body) return jsonError(400, 'Invalid JSON body');
	switch (`${method} ${rest}`) {
		case 'GET health':
			return ok({
				ok: true,
				uptimeMs: Date.now() - deps.startedAt,
				providers: Object.keys(deps.sims),
			});
		case 'POST reset':
			deps.reset();
			return ok({ ok: true });
		case 'GET faults':
			return ok(deps.faults.settings);
		case 'POST faults':
			if (body.clear === true) {
				deps.faults.clear();
				return ok(deps.faults.settings);
			}
			return attempt(() => deps.faults.set(body as Partial<FaultSettings>));
		case 'GET latency':
			return ok({ latencyMs: deps.faults.peek().latencyMs });
		case 'POST latency':
			return attempt(() => ({ latencyMs: deps.faults.set(latencySwitch(body)).latencyMs }));
		case 'POST faults/rules':
			return attempt(() => {
				deps.faults.addRule(body as unknown as FaultRule);
				return deps.faults.settings;
			});
		case 'GET requests': {
			const filter = { method: query.method, path: query.path, provider: query.provider };
			const entries = deps.log.entries(filter);
			return ok({ count: entries.length, entries });
		}
		case 'POST requests/clear':
			deps.log.clear();
			return ok({ ok: true });
		default:
			return jsonError(404, 'Not found');
	}
}
