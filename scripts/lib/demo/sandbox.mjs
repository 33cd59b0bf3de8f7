// The repo's provider sandbox as a child process (via the repo's tsx), and a small client for its
// admin API (`/__admin/...`): health, reset, the eSIMTrade ledger and orders, eSIM Distribute state.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ky from 'ky';
import { freePort, startService, stop, waitFor } from '../common/processes.mjs';

/** Demo API keys of the sandbox's eSIMTrade simulator (see sandbox/trade/model.ts). */
export const TRADE_DEMO_KEYS = {
	accessCode: 'demo-access',
	secretKey: 'demo-secret',
	webhookSecret: 'demo-webhook-secret',
};
/** Demo login of the sandbox's eSIM Distribute tenant (see sandbox/distribute/README.md). */
export const DISTRIBUTE_DEMO_LOGIN = {
	email: 'demo@esimdistribute.test',
	password: 'demo-password',
};

/**
 * Starts `tsx sandbox/cli.ts --port <free port>` from the repo and waits for `/__admin/health`.
 * @param {string} repoDir
 * @param {{ port?: number, seed?: number }} [options]
 */
export async function startSandbox(repoDir, { port, seed } = {}) {
	const tsxCli = join(repoDir, 'node_modules', 'tsx', 'dist', 'cli.mjs');
	if (!existsSync(tsxCli)) throw new Error('tsx is missing: run `npm install` in the repo first');
	const listenPort = port ?? (await freePort());
	const args = [tsxCli, join(repoDir, 'sandbox', 'cli.ts'), '--port', String(listenPort)];
	if (seed !== undefined) args.push('--seed', String(seed));
	const child = startService(process.execPath, args, { cwd: repoDir });
	const url = `http://127.0.0.1:${listenPort}`;
	const admin = createAdminClient(url);
	await waitFor(async () => (await admin.health()).ok === true, {
		child,
		timeoutMs: 60_000,
		what: 'the sandbox',
	});
	return {
		url,
		port: listenPort,
		tradeBaseUrl: `${url}/api/v1`,
		distributeBaseUrl: url,
		admin,
		child,
		stop: () => stop(child),
	};
}

/** Unwraps the eSIM Distribute admin envelope `{ success, data }`; eSIMTrade admin answers are plain. */
function unwrap(body) {
	return body && typeof body === 'object' && 'success' in body && 'data' in body ? body.data : body;
}

/** Client for the sandbox admin API. */
export function createAdminClient(url) {
	const api = ky.create({ prefixUrl: `${url}/__admin`, retry: 0, timeout: 10_000 });
	const get = async (path) => unwrap(await api.get(path).json());
	const post = async (path, json = {}) => unwrap(await api.post(path, { json }).json());
	return {
		health: () => get('health'),
		reset: () => post('reset'),
		faults: (settings) => post('faults', settings),
		requests: (filter = {}) => api.get('requests', { searchParams: filter }).json(),
		trade: {
			orders: async () => (await get('trade/orders')).orders,
			order: async (orderNo) => (await get(`trade/orders/${encodeURIComponent(orderNo)}`)).order,
			ledger: async () => (await get('trade/ledger')).entries,
			wallet: () => get('trade/wallet'),
			topups: async () => (await get('trade/topups')).topups,
			setStatus: (orderNo, status) =>
				post(`trade/orders/${encodeURIComponent(orderNo)}/status`, { status }),
			seedOrders: (n, opts = {}) => post('trade/orders/seed', { n, ...opts }),
			config: (settings) => post('trade/config', settings),
			webhooks: (settings) => (settings ? post('trade/webhooks', settings) : get('trade/webhooks')),
			deliveries: async () => (await get('trade/webhooks/deliveries')).deliveries,
			replay: (count) => post('trade/webhooks/replay', { count }),
			forge: (count) => post('trade/webhooks/forge', { count }),
		},
		distribute: {
			orders: () => get('distribute/orders'),
			balance: () => get('distribute/balance'),
			setBalance: (amount) => post('distribute/balance', { amount }),
			topups: () => get('distribute/topups'),
			transactions: () => get('distribute/transactions'),
			approveTopup: (id) => post(`distribute/topups/${encodeURIComponent(id)}/approve`),
			setOrderStatus: (id, status) =>
				post(`distribute/orders/${encodeURIComponent(id)}/status`, { status }),
			seedOrders: (n, opts = {}) => post('distribute/orders/seed', { n, ...opts }),
			advanceClock: (ms) => post('distribute/clock/advance', { ms }),
			stats: () => get('distribute/stats'),
			revokeTokens: () => post('distribute/tokens/revoke'),
		},
	};
}
