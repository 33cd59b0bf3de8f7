/**
 * Copies of the example workflows for the cases the files themselves do not show: the Shopify example
 * replaying another recorded order (unpaid, a test order, a new order id), and the daily export of a
 * given UTC day. Imported next to the examples under their own ids.
 */
import { expect } from '@jest/globals';

import { runWorkflow } from '../../scripts/lib/demo/demo-run.mjs';
import { importJson } from '../../scripts/lib/n8n/n8n-cli.mjs';
import type { Json } from './expectations';

/** The Shopify example replaying `order` (the recorded payload with `changes`) under `id`. */
export async function importShopifyVariant(
	ctx: Json,
	exampleId: string,
	id: string,
	changes: Json,
): Promise<Json> {
	const variant = structuredClone(ctx.workflows.find((wf: Json) => wf.id === exampleId));
	variant.id = id;
	variant.name = `${variant.name} (${id})`;
	const node = variant.nodes.find((n: Json) => n.name === 'Recorded Shopify order');
	const order = { ...structuredClone(ctx.fixture), ...changes };
	node.parameters.jsCode = `const order = ${JSON.stringify(order)};\nreturn [{ json: order }];`;
	await importJson(ctx.folder, 'workflow', [variant], `${id}.json`);
	return order;
}

/** The daily export example for one UTC day (`yyyy-mm-dd`) under `id`. */
export async function importExportForDay(
	ctx: Json,
	exampleId: string,
	id: string,
	day: string,
): Promise<void> {
	const variant = structuredClone(ctx.workflows.find((wf: Json) => wf.id === exampleId));
	variant.id = id;
	variant.name = `${variant.name} (${day})`;
	const settings = variant.nodes.find((n: Json) => n.name === 'Settings');
	settings.parameters.assignments.assignments.find((a: Json) => a.name === 'day').value = day;
	await importJson(ctx.folder, 'workflow', [variant], `${id}.json`);
}

/** `yyyy-mm-dd` of the UTC day `offset` days from today. */
export const utcDay = (offset: number): string =>
	new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Exports the day before yesterday and yesterday (UTC) with copies of the export example and checks, for
 * each provider, that the two files share no order and together hold exactly the orders of those two days.
 */
export async function expectConsecutiveDays(
	ctx: Json,
	filesOf: (result: Json) => Json,
	exampleId = 'esimDailyExport1',
): Promise<void> {
	const days = [utcDay(-2), utcDay(-1)];
	const runs = [];
	for (const [i, day] of days.entries()) {
		await importExportForDay(ctx, exampleId, `esimExportDay00${i}`, day);
		runs.push(filesOf(await runWorkflow(ctx, `esimExportDay00${i}`)));
	}
	const [first, second] = runs as [Json, Json];
	const window = (iso: string) => iso >= `${days[0]}T00:00:00` && iso < `${utcDay(0)}T00:00:00`;
	for (const [side, key, orders] of [
		['trade', 'providerOrderNo', await ctx.sandbox.admin.trade.orders()],
		['dist', 'orderNumber', await ctx.sandbox.admin.distribute.orders()],
	] as const) {
		const a = first[side].map((r: Json) => r[key]);
		const b = second[side].map((r: Json) => r[key]);
		expect(a.filter((no: string) => b.includes(no))).toEqual([]);
		const expected = (orders as Json[])
			.filter((o) => window(o.createdAt))
			.map((o) => String(side === 'trade' ? o.orderNo : o.orderNumber));
		expect([...a, ...b].sort()).toEqual(expected.sort());
	}
}
