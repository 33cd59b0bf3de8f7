/**
 * One purchase contender, in its own process:
 * `tsx bench/scenarios/purchases.child.ts <contender> <tradeBaseUrl> <count>`.
 * Buys `count` orders of one plan, one idempotency key per purchase; reports `{ ms, status, ok, error? }`.
 */
import '../../test/setup-env';

import { contenderMain, type ContenderFactory } from '../lib/child';

const PLAN = 'ES_3_30';

interface Outcome {
	status: string;
	/** Output items (or answers) carrying an order number. */
	ok: number;
	error?: string;
}

const lines = (count: number) => Array.from({ length: count }, (_, line) => ({ line }));

/** The sandbox's admin health route: not rate limited, so warming up spends none of the limit. */
const healthUrl = (baseUrl: string) => `${new URL(baseUrl).origin}/__admin/health`;

const contenders: Record<string, ContenderFactory<Outcome>> = {
	/** This package: Order → Create for every input item (keys derived per item), not waiting for fulfilment. */
	node: async ([baseUrl, n]) => {
		const count = Number(n);
		const { compiledTradeHarness } = await import('../lib/ours');
		const { runTrade, plan } = await import('../../test/helpers/trade');
		const harness = compiledTradeHarness(baseUrl);
		const parameters = {
			resource: 'order',
			operation: 'create',
			plan: plan(PLAN),
			quantity: 1,
			waitForFulfilment: false,
		};
		return {
			// Fails validation (quantity 0), so the whole execution path runs without a request.
			warmUp: async () => await runTrade(harness, { ...parameters, quantity: 0 }),
			run: async () => {
				const { status, items, error } = await runTrade(harness, parameters, lines(count));
				const ok = items.filter((item) => item.json.orderNo).length;
				return { status, ok, error: error ? String(error.message) : undefined };
			},
		};
	},
	/** HTTP Request v4.2 with default settings (no batching, no retry), a JSON body with one key per item. */
	httpRequest: async ([baseUrl, n]) => {
		const count = Number(n);
		const { baselineHarness, httpNode, runChain } = await import('../lib/baseline');
		const harness = baselineHarness();
		const node = httpNode('HTTP Request', {
			method: 'POST',
			url: `${baseUrl}/portal/order`,
			sendBody: true,
			specifyBody: 'json',
			jsonBody: `={ "slug": "${PLAN}", "qty": 1, "idempotencyKey": "http-{{ $json.line }}" }`,
		});
		return {
			warmUp: async () =>
				await runChain(harness, [httpNode('HTTP Request', { url: healthUrl(baseUrl) })]),
			run: async () => {
				const { status, outputs, error } = await runChain(harness, [node], lines(count));
				const ok = (outputs['HTTP Request'] ?? []).filter(
					(item) => (item.json.data as { orderNo?: string } | undefined)?.orderNo,
				).length;
				return { status, ok, error: error ? String(error.message) : undefined };
			},
		};
	},
	/** A bare ky client: sequential POSTs, ky's retry honouring Retry-After on 429. */
	ky: async ([baseUrl, n]) => {
		const count = Number(n);
		const { default: ky } = await import('ky');
		const api = ky.create({
			prefixUrl: baseUrl,
			headers: { 'x-access-code': 'demo-access', 'x-secret-key': 'demo-secret' },
			timeout: 30_000,
			retry: {
				limit: 5,
				methods: ['post'],
				statusCodes: [429],
				afterStatusCodes: [429],
				maxRetryAfter: 65_000,
			},
		});
		return {
			warmUp: async () => await ky.get(healthUrl(baseUrl)).json(),
			run: async () => {
				let ok = 0;
				let error: string | undefined;
				for (const { line } of lines(count)) {
					try {
						await api
							.post('portal/order', { json: { slug: PLAN, qty: 1, idempotencyKey: `ky-${line}` } })
							.json();
						ok++;
					} catch (caught) {
						error ??= String((caught as Error).message);
					}
				}
				return { status: ok === count ? 'success' : 'error', ok, error };
			},
		};
	},
};

contenderMain(contenders, (outcome) => outcome);
