/**
 * One per-item contender, in its own process: `tsx bench/scenarios/items.child.ts <contender> <tradeBaseUrl> <items>`.
 * Every contender reads the wallet balance once per input item (NoOp only passes the items through).
 */
import '../../test/setup-env';

import type { IDataObject } from 'n8n-workflow';

import { contenderMain, type ContenderFactory } from '../lib/child';

const WARM_UP_ITEMS = 10;
const lines = (count: number): IDataObject[] =>
	Array.from({ length: count }, (_, line) => ({ line }));

/** Runs the operation on `count` items; returns how many output items carry a balance. */
type Operation = (count: number) => Promise<number>;

const timed = (operation: Operation, count: number) => ({
	warmUp: async () => await operation(WARM_UP_ITEMS),
	run: async () => await operation(count),
});

const contenders: Record<string, ContenderFactory<number>> = {
	/** This package: Wallet → Get Balance, one request per item, in item order. */
	node: async ([baseUrl, n]) => {
		const { compiledTradeHarness } = await import('../lib/ours');
		const { runTrade } = await import('../../test/helpers/trade');
		const harness = compiledTradeHarness(baseUrl);
		return timed(async (count) => {
			const { items } = await runTrade(
				harness,
				{ resource: 'wallet', operation: 'getBalance' },
				lines(count),
			);
			return items.filter((item) => item.json.walletBalanceCents !== undefined).length;
		}, Number(n));
	},
	/** HTTP Request v4.2, defaults: GET per item, all items' requests in flight at once. */
	httpRequest: async ([baseUrl, n]) => {
		const { baselineHarness, httpNode, runChain } = await import('../lib/baseline');
		const harness = baselineHarness();
		const node = httpNode('HTTP Request', { url: `${baseUrl}/portal/balance` });
		return timed(async (count) => {
			const { outputs } = await runChain(harness, [node], lines(count));
			return (outputs['HTTP Request'] ?? []).filter((item) => item.json.data !== undefined).length;
		}, Number(n));
	},
	/** n8n's No Operation node: what passing items through one node costs, no request at all. */
	noop: async ([, n]) => {
		const { baselineHarness, otherNode, runChain, NOOP_TYPE } = await import('../lib/baseline');
		const harness = baselineHarness();
		return timed(
			async (count) =>
				(await runChain(harness, [otherNode('No Operation', NOOP_TYPE, {})], lines(count))).outputs[
					'No Operation'
				].length,
			Number(n),
		);
	},
	/** The bare request: ky, one GET after the other. */
	ky: async ([baseUrl, n]) => {
		const { default: ky } = await import('ky');
		const api = ky.create({
			prefixUrl: baseUrl,
			headers: { 'x-access-code': 'demo-access', 'x-secret-key': 'demo-secret' },
			retry: 0,
		});
		return timed(async (count) => {
			let ok = 0;
			for (let i = 0; i < count; i++)
				if ((await api.get('portal/balance').json<{ data?: unknown }>()).data) ok++;
			return ok;
		}, Number(n));
	},
};

contenderMain(contenders, (ok) => ({ ok }));
