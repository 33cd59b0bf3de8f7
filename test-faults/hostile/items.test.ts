import { distributeProvider, EXPORT } from './distributeProvider';
import type { HostileServer } from './server';

const ROWS = 500_000;

describe('Large outputs: 500,000 items', () => {
	let server: HostileServer | undefined;
	afterAll(async () => await server?.close());

	it('an export with 500,000 rows as items runs through n8n', async () => {
		const lines = ['orderNumber,status'];
		for (let n = 0; n < ROWS; n++) lines.push(`ED-${n},completed`);
		const csv = Buffer.from(`${lines.join('\r\n')}\r\n`);
		const provider = await distributeProvider(() => ({ csv }));
		server = provider;
		const { status, error, items } = await provider.run({
			...EXPORT,
			options: { includeRows: true },
		});
		process.stdout.write(
			`500k items: status ${status}, ${items.length} items, error ${JSON.stringify(error?.message ?? null)}\n`,
		);
		expect(error?.message).toBeUndefined();
		expect(status).toBe('success');
		expect(items).toHaveLength(ROWS);
		expect(items[ROWS - 1].json).toEqual({ orderNumber: `ED-${ROWS - 1}`, status: 'completed' });
		expect(items[ROWS - 1].pairedItem).toEqual({ item: 0 });
	}, 600_000);
});
