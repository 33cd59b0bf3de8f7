import { EsimTrade } from '../../nodes/EsimTrade/EsimTrade.node';
import { tradeFixture, type TradeFixture } from '../helpers/trade';

const keys = (json: object) => Object.keys(json).sort();

describe('eSIMTrade Output: Simplified, Raw or Selected Fields', () => {
	let f: TradeFixture;
	beforeAll(async () => {
		f = await tradeFixture();
	});
	afterAll(async () => await f.close());
	beforeEach(() => f.sandbox.reset());

	it('offers the three choices on every read operation that used to have Simplify', () => {
		const outputs = new EsimTrade().description.properties.filter((p) => p.name === 'simplify');
		const shown = outputs.map(
			(p) => `${p.displayOptions?.show?.resource}.${p.displayOptions?.show?.operation}`,
		);
		expect(shown.sort()).toEqual(
			[
				'account.getMetrics',
				'esim.getMany',
				'order.getMany',
				'order.getStatus',
				'plan.getMany',
			].sort(),
		);
		for (const p of outputs) {
			expect(p).toMatchObject({ displayName: 'Output', type: 'options', default: true });
			expect(p.options!.map((o) => ('value' in o ? o.value : undefined))).toEqual([
				true,
				false,
				'selected',
			]);
		}
	});

	it('a saved workflow keeps its output: Simplify on, off or missing', async () => {
		f.sandbox.trade.seedOrders(2, { status: 'got_resource' });
		const run = async (extra: object) =>
			(await f.run({ resource: 'order', operation: 'getMany', returnAll: true, ...extra })).items;
		const missing = await run({});
		expect(await run({ simplify: true })).toEqual(missing);
		expect(keys(missing[0].json)).toContain('providerOrderNo');
		expect(missing[0].json).not.toHaveProperty('costPrice');
		const raw = await run({ simplify: false });
		expect(raw[0].json).toMatchObject({ ...missing[0].json, costPrice: expect.any(String) });
		expect(keys(raw[0].json).length).toBeGreaterThan(keys(missing[0].json).length);
	});

	it('Selected Fields keeps only the listed fields, nested ones by their dot path', async () => {
		const [order] = f.sandbox.trade.seedOrders(1, { status: 'got_resource' });
		const { items } = await f.run({
			resource: 'esim',
			operation: 'getMany',
			returnAll: true,
			simplify: 'selected',
			selectedFields: ' iccid, rawOrderJson.smdpStatus ,no_such_field',
		});
		expect(items).toHaveLength(1);
		expect(keys(items[0].json)).toEqual(['iccid', 'rawOrderJson']);
		expect(items[0].json.iccid).toBe(order.esims[0].iccid);
		expect(keys(items[0].json.rawOrderJson as object)).toEqual(['smdpStatus']);
	});

	it('Selected Fields works where the row is built from one response (metrics, status)', async () => {
		const [order] = f.sandbox.trade.seedOrders(1, { status: 'got_resource' });
		const metrics = await f.run({
			resource: 'account',
			operation: 'getMetrics',
			range: '7d',
			simplify: 'selected',
			selectedFields: 'range,revenueSeries',
		});
		expect(keys(metrics.items[0].json)).toEqual(['range', 'revenueSeries']);
		expect(metrics.items[0].json.revenueSeries).toHaveLength(7);
		const status = await f.run({
			resource: 'order',
			operation: 'getStatus',
			lookupBy: 'orderNo',
			orderNo: { __rl: true, mode: 'list', value: order.orderNo },
			simplify: 'selected',
			selectedFields: 'imsi',
		});
		expect(keys(status.items[0].json)).toEqual(['imsi']);
	});

	it('Selected Fields with no field listed fails in plain words, naming the field', async () => {
		const result = await f.run({
			resource: 'plan',
			operation: 'getMany',
			returnAll: true,
			simplify: 'selected',
			selectedFields: ' , ',
		});
		expect(result.status).toBe('error');
		expect(String(result.error?.message)).toBe('Fields is empty');
		expect(String(result.error?.description)).toMatch(/Selected Fields/);
	});

	it('a field name cannot reach the prototype', async () => {
		f.sandbox.trade.seedOrders(1, { status: 'got_resource' });
		const { items } = await f.run({
			resource: 'order',
			operation: 'getMany',
			returnAll: true,
			simplify: 'selected',
			selectedFields: '__proto__.polluted, constructor.prototype.polluted, status',
		});
		expect(keys(items[0].json)).toEqual(['status']);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});
