/**
 * One Return All contender, in its own process: `tsx bench/scenarios/returnAll.child.ts <contender> <tradeBaseUrl>`.
 * n8n and the nodes are loaded only by the contenders that use them, so the fetch loop's memory is its own.
 */
import '../../test/setup-env';

import type { IDataObject } from 'n8n-workflow';

import { contenderMain, type ContenderFactory } from '../lib/child';

const PAGE_SIZE = 100;
const HEADERS = {
	'x-access-code': 'demo-access',
	'x-secret-key': 'demo-secret',
	accept: 'application/json',
};

const contenders: Record<string, ContenderFactory<IDataObject[]>> = {
	/** This package: Order → Get Many with Return All; Simplify off, so it outputs the same rows as the others. */
	node: async ([baseUrl]) => {
		const { compiledTradeHarness } = await import('../lib/ours');
		const { runTrade } = await import('../../test/helpers/trade');
		const harness = compiledTradeHarness(baseUrl);
		const getMany = async (extra: IDataObject) =>
			await runTrade(harness, { resource: 'order', operation: 'getMany', ...extra });
		return {
			warmUp: async () => await getMany({ returnAll: false, limit: 1 }),
			run: async () => {
				const { status, items, error } = await getMany({ returnAll: true, simplify: false });
				if (status !== 'success') throw new Error(String(error?.message));
				return items.map((item) => item.json);
			},
		};
	},
	/** HTTP Request v4.2 paginating by `page` until a short page, then Split Out on `orders` (one item per order). */
	httpRequest: async ([baseUrl]) => {
		const { allOrdersChain, baselineHarness, runChain } = await import('../lib/baseline');
		const harness = baselineHarness();
		return {
			warmUp: async () => await runChain(harness, allOrdersChain(baseUrl, 1, false)),
			run: async () => {
				const { status, outputs, error } = await runChain(
					harness,
					allOrdersChain(baseUrl, PAGE_SIZE, true),
				);
				if (status !== 'success') throw new Error(String(error?.message));
				return outputs['Split Out'].map((item) => item.json);
			},
		};
	},
	/** The floor: Node's global `fetch` (undici) walking the same pages, no framework. */
	fetch: async ([baseUrl]) => {
		const page = async (n: number, size: number) => {
			const response = await fetch(`${baseUrl}/reseller/orders?page=${n}&pageSize=${size}`, {
				headers: HEADERS,
			});
			if (!response.ok) throw new Error(`HTTP ${response.status}`);
			return ((await response.json()) as { orders: IDataObject[] }).orders;
		};
		return {
			warmUp: async () => await page(1, 1),
			run: async () => {
				const rows: IDataObject[] = [];
				for (let n = 1; ; n++) {
					const orders = await page(n, PAGE_SIZE);
					for (const order of orders) rows.push(order);
					if (orders.length < PAGE_SIZE) return rows;
				}
			},
		};
	},
};

contenderMain(contenders, (rows) => ({
	count: rows.length,
	jsonBytes: Buffer.byteLength(JSON.stringify(rows)),
}));
