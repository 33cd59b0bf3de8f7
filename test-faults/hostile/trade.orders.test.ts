import type { INodeExecutionData } from 'n8n-workflow';

import { plan, runTrade, tradeHarness } from '../../test/helpers/trade';
import { tradeProvider, type TradeProvider } from './tradeProvider';

const BUY = {
	resource: 'order',
	operation: 'create',
	plan: plan('ES_3_30'),
	quantity: 1,
	waitForFulfilment: true,
	options: { qrImage: 'none', waitTimeout: 5 },
};
const CONTINUE = { onError: 'continueRegularOutput' as const };

/** Output items whose ICCID is not the eSIM of the order their own idempotency key placed. */
function wrongIccids(provider: TradeProvider, items: INodeExecutionData[]): string[] {
	return items
		.filter((item) => item.json.iccid !== undefined)
		.filter(
			(item) =>
				item.json.iccid !== provider.ordersWithKey(String(item.json.idempotencyKey))[0]?.iccid,
		)
		.map((item) => String(item.json.iccid));
}

/** Two workflow runs buying the same plan at the same time, while another client buys it too. */
async function buyConcurrently(
	provider: TradeProvider,
	perRun: number,
): Promise<INodeExecutionData[]> {
	const harness = tradeHarness(provider.baseUrl);
	const runs = await Promise.all(
		[0, 1].map(async (run) => {
			const input = Array.from({ length: perRun }, (_, n) => ({ shopOrder: 7000 + run * 100 + n }));
			return await runTrade(harness, BUY, input, CONTINUE);
		}),
	);
	return runs.flatMap((result) => result.items);
}

describe('eSIMTrade: an order is tied to its purchase only by proof, never by the newest order for the plan', () => {
	let provider: TradeProvider | undefined;
	afterEach(async () => await provider?.close());

	it('an answer without an order number is identified by replaying the idempotency key', async () => {
		provider = await tradeProvider({
			otherClientAfterEach: true,
			orderAnswer: (order, replay) =>
				replay
					? {
							body: { data: { orderNo: order.orderNo, status: 'GOT_RESOURCE' } },
							headers: { 'Idempotent-Replayed': 'true' },
						}
					: { body: { data: { status: 'processing' } } },
		});
		const items = await buyConcurrently(provider, 10);
		const wrong = wrongIccids(provider, items);
		const others = items.filter((item) => provider!.othersIccids().has(String(item.json.iccid)));
		process.stdout.write(
			`orders without number, replay names them: ${items.length} items, ${wrong.length} wrong ICCIDs, ${others.length} of another client\n`,
		);
		expect(wrong).toEqual([]);
		expect(others).toEqual([]);
		expect(items).toHaveLength(20);
		for (const item of items) {
			expect(item.json).toMatchObject({
				orderNoSource: 'idempotencyReplay',
				replayed: true,
				fulfilment: 'fulfilled',
			});
			expect(item.json.orderNo).toBe(
				provider.ordersWithKey(String(item.json.idempotencyKey))[0].orderNo,
			);
		}
		// One order per purchase: the replay bought nothing.
		expect(provider.orders.filter((order) => order.key !== null)).toHaveLength(20);
	});

	it('when not even the replay names the order, the item ends as "Order placed but not identified" with its key', async () => {
		provider = await tradeProvider({
			otherClientAfterEach: true,
			orderAnswer: () => ({ body: { data: { status: 'processing' } } }),
		});
		const items = await buyConcurrently(provider, 10);
		const wrong = wrongIccids(provider, items);
		const withIccid = items.filter((item) => item.json.iccid !== undefined);
		process.stdout.write(
			`orders never identified: ${items.length} items, ${withIccid.length} carry an ICCID, ${wrong.length} wrong\n`,
		);
		expect(wrong).toEqual([]);
		expect(withIccid).toEqual([]);
		expect(items).toHaveLength(20);
		for (const item of items) {
			expect(item.json).toMatchObject({
				error: expect.stringMatching(/^Order placed but not identified: /),
				outcome: 'orderNotIdentified',
				idempotencyKey: expect.stringMatching(/^n8n-/),
			});
			expect(item.json.description).toContain(String(item.json.idempotencyKey));
			expect(item.json.description).toMatch(/order list/);
		}
		// The order list was never used to guess.
		expect(provider.received.filter((req) => req.path.endsWith('/reseller/orders'))).toHaveLength(
			0,
		);
	});

	it('without waiting for fulfilment, an unidentified order is not reported as a success either', async () => {
		provider = await tradeProvider({
			orderAnswer: () => ({ body: { data: { status: 'processing' } } }),
		});
		const { items } = await runTrade(
			tradeHarness(provider.baseUrl),
			{ ...BUY, waitForFulfilment: false },
			[{ shopOrder: 1 }],
			CONTINUE,
		);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			outcome: 'orderNotIdentified',
			idempotencyKey: expect.any(String),
		});
		expect(items[0].json.orderNo).toBeUndefined();
	});
});

const UNREADABLE: Array<[string, unknown]> = [
	['an HTML page', '<!DOCTYPE html><html><body><h1>Order received</h1></body></html>'],
	['malformed JSON', '{"data": {"orderNo": '],
	['an empty body', undefined],
	['a different envelope (a JSON list)', [{ ok: true }]],
	['an error message with status 200', { error: 'Upstream provider failure' }],
];

describe('eSIMTrade: a success status with an unreadable body after a purchase is not a success', () => {
	let provider: TradeProvider | undefined;
	afterEach(async () => await provider?.close());

	it.each(UNREADABLE)(
		'%s, then a readable replay: the order is recovered by its key',
		async (_what, body) => {
			provider = await tradeProvider({
				orderAnswer: (order, replay) =>
					replay
						? {
								body: { data: { orderNo: order.orderNo } },
								headers: { 'Idempotent-Replayed': 'true' },
							}
						: { body },
			});
			const { items } = await runTrade(
				tradeHarness(provider.baseUrl),
				BUY,
				[{ shopOrder: 1 }],
				CONTINUE,
			);
			expect(items).toHaveLength(1);
			const [order] = provider.orders;
			expect(items[0].json).toMatchObject({
				orderNo: order.orderNo,
				iccid: order.iccid,
				orderNoSource: 'idempotencyReplay',
			});
			expect(Object.keys(items[0].json).filter((key) => /^\d+$/.test(key))).toEqual([]);
			expect(provider.orders).toHaveLength(1);
		},
	);

	it.each(UNREADABLE)(
		'%s every time: "Outcome unknown" with the key, never a successful order',
		async (_what, body) => {
			provider = await tradeProvider({ orderAnswer: () => ({ body }) });
			const { items } = await runTrade(
				tradeHarness(provider.baseUrl),
				BUY,
				[{ shopOrder: 1 }],
				CONTINUE,
			);
			expect(items).toHaveLength(1);
			const json = items[0].json;
			process.stdout.write(
				`unreadable 2xx (${_what}): error=${JSON.stringify(json.error ?? null).slice(0, 90)} numericKeys=${Object.keys(json).filter((key) => /^\d+$/.test(key)).length}\n`,
			);
			expect(json.error).toMatch(/^(Outcome unknown|Order placed but not identified): /);
			expect(json.idempotencyKey).toEqual(expect.stringMatching(/^n8n-/));
			expect(json.iccid).toBeUndefined();
			expect(Object.keys(json).filter((key) => /^\d+$/.test(key))).toEqual([]);
		},
	);

	it('a top-up answered 200 with an HTML page is "Outcome unknown", and is not sent again', async () => {
		provider = await tradeProvider({
			orderAnswer: () => ({ body: {} }),
			topUpAnswer: () => ({ body: '<html><body>OK</body></html>' }),
		});
		const { items } = await runTrade(
			tradeHarness(provider.baseUrl),
			{
				resource: 'topUp',
				operation: 'create',
				iccid: '8948010000350829578',
				slug: 'ES_TOPUP_1GB',
				quantity: 1,
			},
			[{}],
			CONTINUE,
		);
		expect(items[0].json).toMatchObject({
			error: expect.stringMatching(
				/^Outcome unknown: eSIMTrade answered the top-up of 8948010000350829578 with a success status but an HTML page/,
			),
			outcome: 'outcomeUnknown',
		});
		expect(Object.keys(items[0].json).filter((key) => /^\d+$/.test(key))).toEqual([]);
		expect(provider.received.filter((req) => req.path.endsWith('/portal/topups'))).toHaveLength(1);
	});
});
