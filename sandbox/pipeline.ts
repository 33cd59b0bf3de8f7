import type { IncomingMessage, ServerResponse } from 'node:http';
import { ADMIN_PREFIX, handleAdmin, type AdminDeps } from './admin';
import { CHAT_PREFIX, handleChat } from './chat';
import { headerRecord, jsonError, parseBody, queryRecord, readBody, send } from './http';
import { serveQr, type ActivationLookup } from './qr';
import type { FixedWindowLimiter } from './rateLimit';
import type { TimerRegistry } from './timers';
import type { FaultKind, ProviderSim, RequestLogEntry, SimRequest, SimResponse } from './types';

export interface PipelineDeps extends AdminDeps {
	limiter: FixedWindowLimiter;
	timers: TimerRegistry;
	activation: ActivationLookup;
	/** `http://host:port` of the server, used when a request has no usable Host header. */
	baseUrl: string;
}

type LogBase = Omit<RequestLogEntry, 'seq' | 'at' | 'status' | 'fault'>;

const RATE_LIMITED = 'API rate limit exceeded';
const UNAVAILABLE = 'Service temporarily unavailable';

function originOf(req: IncomingMessage, baseUrl: string): string {
	const host = req.headers.host;
	return host && /^[\w.\-:[\]]+$/.test(host) ? `http://${host}` : baseUrl;
}

function rateLimited(retryAfterSeconds: number): SimResponse {
	return jsonError(429, RATE_LIMITED, { 'Retry-After': String(retryAfterSeconds) });
}

/** Handles one HTTP request: admin, QR images, or a provider route with faults and rate limits. */
export async function handleHttp(
	deps: PipelineDeps,
	req: IncomingMessage,
	res: ServerResponse,
): Promise<void> {
	const method = (req.method ?? 'GET').toUpperCase();
	const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
	const path = url.pathname;
	const query = queryRecord(url.searchParams);
	const raw = await readBody(req);
	const body = raw === undefined ? undefined : parseBody(raw);
	const origin = originOf(req, deps.baseUrl);
	const sim = Object.values(deps.sims).find((each) => each.matches(path));
	const base: LogBase = {
		method,
		path,
		query,
		provider: sim ? sim.name : path.startsWith(`${ADMIN_PREFIX}/`) ? 'admin' : 'other',
		body,
	};
	const finish = (response: SimResponse, fault?: FaultKind): void => {
		deps.log.add({
			...base,
			status: response.status,
			principal: response.principal ?? base.principal,
			...(fault ? { fault } : {}),
		});
		send(res, response);
	};

	if (raw === undefined) return finish(jsonError(413, 'Request body too large'));
	if (base.provider === 'admin') {
		const response = await handleAdmin(deps, method, path, query, body, origin);
		if (method === 'GET' && path.startsWith(`${ADMIN_PREFIX}/requests`)) return send(res, response);
		return finish(response);
	}
	if (!sim && path.startsWith(`${CHAT_PREFIX}/`)) return finish(handleChat(method, path, body));
	if (!sim) {
		const isQr = method === 'GET' && path.startsWith('/qr/');
		return finish(isQr ? serveQr(path, deps.activation) : jsonError(404, 'Not found'));
	}
	const simReq: SimRequest = { method, path, query, headers: headerRecord(req), body, origin };
	await handleProvider(deps, sim, simReq, base, req, finish);
}

async function handleProvider(
	deps: PipelineDeps,
	sim: ProviderSim,
	simReq: SimRequest,
	base: LogBase,
	req: IncomingMessage,
	finish: (response: SimResponse, fault?: FaultKind) => void,
): Promise<void> {
	const routeKey = `${simReq.method} ${simReq.path}`;
	base.principal = sim.principalOf(simReq);
	const settings = deps.faults.peek();
	if (settings.latencyMs > 0) await deps.timers.sleep(settings.latencyMs);

	const rule = deps.faults.takeBeforeRule(routeKey);
	const before = rule?.kind;
	const retryAfter = rule?.retryAfterSec;
	if (before === 'reset-before') {
		deps.log.add({ ...base, status: 0, fault: before });
		req.socket.destroy();
		return;
	}
	if (before === '5xx') {
		return finish(
			jsonError(
				503,
				UNAVAILABLE,
				retryAfter === undefined ? undefined : { 'Retry-After': String(retryAfter) },
			),
			before,
		);
	}
	const { limit, windowMs } = settings.rateLimit;
	if (before === '429')
		return finish(
			rateLimited(retryAfter ?? deps.limiter.retryAfter(base.principal, windowMs)),
			before,
		);
	if (limit > 0 && base.principal !== undefined) {
		const decision = deps.limiter.hit(base.principal, limit, windowMs);
		if (!decision.allowed) return finish(rateLimited(decision.retryAfterSeconds));
	}

	let response: SimResponse;
	try {
		response = await sim.handle(simReq);
	} catch (error) {
		response = jsonError(
			500,
			error instanceof Error
				? `Internal sandbox error: ${error.message}`
				: 'Internal sandbox error',
		);
	}
	const after = response.committed ? deps.faults.takeAfterCommit(routeKey) : undefined;
	if (!after) return finish(response);

	// The change is committed; the client never hears about it.
	deps.log.add({
		...base,
		status: response.status,
		principal: response.principal ?? base.principal,
		fault: after,
	});
	if (after === 'reset-after-commit') {
		req.socket.destroy();
		return;
	}
	deps.timers.after(deps.faults.peek().hangMs, () => req.socket.destroy());
}
