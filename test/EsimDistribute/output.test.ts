import { EsimDistribute } from '../../nodes/EsimDistribute/EsimDistribute.node';
import { distributeFixture, type DistributeFixture } from '../helpers/distribute';

const keys = (json: object) => Object.keys(json).sort();

describe('eSIM Distribute Output: Simplified, Raw or Selected Fields', () => {
	let f: DistributeFixture;
	beforeAll(async () => {
		f = await distributeFixture();
	});
	afterAll(async () => await f.close());
	beforeEach(() => f.sandbox.reset());

	it('offers the three choices on the plan and order lists', () => {
		const outputs = new EsimDistribute().description.properties.filter(
			(p) => p.name === 'simplify',
		);
		expect(outputs.map((p) => `${p.displayOptions?.show?.resource}`).sort()).toEqual([
			'order',
			'plan',
		]);
		for (const p of outputs) expect(p).toMatchObject({ displayName: 'Output', default: true });
	});

	it('plans: Simplified by default and with Simplify on, Raw with it off, or only the listed fields', async () => {
		const run = async (extra: object) =>
			(
				await f.run({
					resource: 'plan',
					operation: 'getMany',
					returnAll: false,
					limit: 2,
					...extra,
				})
			).items;
		const simple = await run({});
		expect(await run({ simplify: true })).toEqual(simple);
		expect(keys(simple[0].json)).toEqual(
			[
				'country',
				'countryCode',
				'currency',
				'dataGb',
				'id',
				'name',
				'price',
				'validityDays',
			].sort(),
		);
		const raw = await run({ simplify: false });
		expect(keys(raw[0].json).length).toBeGreaterThan(keys(simple[0].json).length);
		const selected = await run({ simplify: 'selected', selectedFields: 'name, countryCode' });
		expect(selected.map((i) => i.json)).toEqual(
			raw.map((i) => ({ name: i.json.name, countryCode: i.json.countryCode })),
		);
	});
});
