import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { createDistributeSim } from './distribute';
import { DEFAULT_LATENCY_MS, FaultController, validateFaultSettings } from './faults';
import { handleHttp, type PipelineDeps } from './pipeline';
import { qrActivationLookup } from './qrLookup';
import { FixedWindowLimiter } from './rateLimit';
import { RequestLog } from './requestLog';
import { TimerRegistry } from './timers';
import { TRADE_PREFIX, TradeSim, type TradeOptions } from './trade';

export interface StartOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
	/** Seed of every simulator and of the fault RNG (default 1). */
	seed?: number;
	trade?: TradeOptions;
	/**
	 * Latency mode: a delay (ms) added to every eSIMTrade and eSIM Distribute request, kept across
	 * resets; `true` means 80 ms. Default 0 (off). Switched at run time with `POST /__admin/latency`.
	 */
	latencyMs?: number | true;
	/** Serve https with this key and certificate (PEM), e.g. a self-signed one made at test time. */
	tls?: { key: string; cert: string };
}

export type DistributeSimulator = ReturnType<typeof createDistributeSim>;

export interface Sandbox {
	/** `http://127.0.0.1:PORT` (`https://` with `tls`) */
	url: string;
	/** `url + '/api/v1'` */
	tradeBaseUrl: string;
	/** `url` (eSIM Distribute paths start with `/api/tenant/`). */
	distributeBaseUrl: string;
	trade: TradeSim;
	distribute: DistributeSimulator;
	faults: FaultController;
	log: RequestLog;
	/** Every simulator back to its seeded state; faults, rate-limit windows and the log cleared. */
	reset(): void;
	/** Stops the server, destroys open sockets and clears timers. */
	close(): Promise<void>;
}

function urlHost(host: string): string {
	return host.includes(':') ? `[${host}]` : host;
}

/** Starts the sandbox HTTP server serving both simulators, QR images and the admin API. */
export async function startSandbox(opts: StartOptions = {}): Promise<Sandbox> {
	const seed = opts.seed ?? 1;
	const host = opts.host ?? '127.0.0.1';
	const trade = new TradeSim({ ...opts.trade, seed });
	const distribute = createDistributeSim({ seed });
	const latencyMs = opts.latencyMs === true ? DEFAULT_LATENCY_MS : (opts.latencyMs ?? 0);
	const latencyError = validateFaultSettings({ latencyMs });
	if (latencyError) throw new Error(latencyError);
	const faults = new FaultController(seed, latencyMs);
	const log = new RequestLog();
	const limiter = new FixedWindowLimiter();
	const timers = new TimerRegistry();
	const sockets = new Set<Socket>();

	const reset = (): void => {
		trade.reset();
		distribute.reset();
		faults.clear();
		limiter.clear();
		log.clear();
	};

	const deps: PipelineDeps = {
		sims: { trade, distribute },
		faults,
		log,
		reset,
		startedAt: Date.now(),
		limiter,
		timers,
		activation: qrActivationLookup(trade, distribute),
		baseUrl: '',
	};

	const listener = (req: IncomingMessage, res: ServerResponse): void => {
		handleHttp(deps, req, res).catch(() => {
			if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify({ error: 'Internal sandbox error' }));
		});
	};
	const server = opts.tls ? createHttpsServer(opts.tls, listener) : createServer(listener);
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(opts.port ?? 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const { port } = server.address() as AddressInfo;
	const url = `${opts.tls ? 'https' : 'http'}://${urlHost(host)}:${port}`;
	deps.baseUrl = url;

	let closing: Promise<void> | undefined;
	const close = (): Promise<void> => {
		closing ??= new Promise<void>((resolve) => {
			timers.clear();
			trade.webhooks.stop();
			server.close(() => resolve());
			for (const socket of sockets) socket.destroy();
			sockets.clear();
		});
		return closing;
	};

	return {
		url,
		tradeBaseUrl: `${url}${TRADE_PREFIX}`,
		distributeBaseUrl: url,
		trade,
		distribute,
		faults,
		log,
		reset,
		close,
	};
}
