/**
 * The example workflows in a real n8n (the pinned version, installed or reused through scripts/lib),
 * with this package installed from its packed tarball as a community package, against the sandbox.
 * Asserts on n8n's run data and on the sandbox's own records (admin API).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { prepareRun, prepareSandboxScenario, runWorkflow } from '../scripts/lib/demo/demo-run.mjs';
import { EXAMPLE_IDS, loadExamples, loadShopifyFixture } from '../scripts/lib/demo/examples.mjs';
import { importJson, nodeItems, nodeRan } from '../scripts/lib/n8n/n8n-cli.mjs';
import { checkBaseNodeVersions } from '../scripts/lib/n8n/node-versions.mjs';
import { cleanupNow, stopAll } from '../scripts/lib/common/processes.mjs';
import { setQuiet } from '../scripts/lib/common/progress.mjs';
import { exportFiles, shopifyOrders } from '../scripts/lib/demo/summary.mjs';
import {
	esimLinesOf,
	expectCustomerEmails,
	type Json,
	runShopifyFirstTime,
	runTopUpBelowThreshold,
} from './helpers/expectations';
import { triggerFiresOnceOnStatusChange } from './helpers/trigger';

const repoDir = fileURLToPath(new URL('..', import.meta.url));
const fixture = loadShopifyFixture(repoDir) as Json;
const examples = loadExamples(repoDir).map((entry: Json) => entry.workflow as Json);
const byId = (id: string): Json => examples.find((wf: Json) => wf.id === id)!;

/** Shopify line items that are eSIMs, as the example's Code node selects them. */
const esimLines = esimLinesOf(fixture);

/** Rows of a simple CSV (no quoted commas in these files) as objects keyed by the header. */
function csvRows(text: string): Json[] {
	const [header, ...lines] = text
		.replace(/^\uFEFF/, '')
		.split(/\r?\n/)
		.filter((line) => line.length > 0);
	const columns = header!.split(',');
	return lines.map((line) =>
		Object.fromEntries(
			line.split(',').map((value, i) => [columns[i], value.replace(/^"|"$/g, '')]),
		),
	);
}

let ctx: Json;

beforeAll(async () => {
	setQuiet(process.env.E2E_VERBOSE !== '1');
	ctx = await prepareRun(repoDir, {});
	await prepareSandboxScenario(ctx);
});

afterAll(async () => {
	await stopAll();
	cleanupNow();
});

describe('example files', () => {
	it('are n8n workflow exports with sticky notes, v1 execution order and this package’s node types', () => {
		expect(examples.map((wf: Json) => wf.id).sort()).toEqual(
			[
				EXAMPLE_IDS.alerts,
				EXAMPLE_IDS.export,
				EXAMPLE_IDS.shopify,
				EXAMPLE_IDS.shopifyDistribute,
				EXAMPLE_IDS.topUp,
				EXAMPLE_IDS.fulfilmentWebhook,
				EXAMPLE_IDS.distributeEmail,
			].sort(),
		);
		for (const wf of examples) {
			expect(wf.settings).toEqual({ executionOrder: 'v1' });
			expect(wf.id).toMatch(/^[A-Za-z0-9]{16}$/);
			expect(
				wf.nodes.filter((n: Json) => n.type === 'n8n-nodes-base.stickyNote').length,
			).toBeGreaterThanOrEqual(2);
			const names = new Set(wf.nodes.map((n: Json) => n.name));
			for (const [from, outputs] of Object.entries(wf.connections as Json)) {
				expect(names.has(from)).toBe(true);
				for (const target of (outputs as Json).main.flat())
					expect(names.has(target.node)).toBe(true);
			}
		}
	});

	it('use n8n-nodes-base nodes in type versions the pinned n8n has (disabled ones included)', async () => {
		expect(await checkBaseNodeVersions(ctx.paths, examples)).toEqual([]);
	});

	it('replay exactly the recorded Shopify payload from examples/fixtures', () => {
		const code = byId(EXAMPLE_IDS.shopify).nodes.find(
			(n: Json) => n.name === 'Recorded Shopify order',
		).parameters.jsCode as string;
		const literal = code.slice(
			code.indexOf('const order = ') + 'const order = '.length,
			code.lastIndexOf(';\nreturn'),
		);
		expect(JSON.parse(literal)).toEqual(fixture);
		expect(esimLines.length).toBeGreaterThan(0);
	});
});

describe('Shopify order → eSIM', () => {
	let first: Json;

	it('buys one eSIMTrade order per eSIM line item, waits for fulfilment and hands the QR code on', async () => {
		first = await runShopifyFirstTime(ctx);
	});

	it('run again with the same Shopify order: the same orders come back, nothing new is bought', async () => {
		const ordersBefore = (await ctx.sandbox.admin.trade.orders()) as Json[];
		const ledgerBefore = (await ctx.sandbox.admin.trade.ledger()) as Json[];
		const walletBefore = (await ctx.sandbox.admin.trade.wallet()).walletCents;

		const again = await runWorkflow(ctx, EXAMPLE_IDS.shopify);
		const items = nodeItems(again, 'Buy eSIM') as Json[];
		expect(items.every((i) => i.json.replayed === true)).toBe(true);
		expect(
			shopifyOrders(again)
				.map((o: Json) => o.orderNo)
				.sort(),
		).toEqual(
			shopifyOrders(first)
				.map((o: Json) => o.orderNo)
				.sort(),
		);
		expect(items.map((i) => i.json.iccid).sort()).toEqual(
			(nodeItems(first, 'Buy eSIM') as Json[]).map((i) => i.json.iccid).sort(),
		);

		expect(await ctx.sandbox.admin.trade.orders()).toHaveLength(ordersBefore.length);
		expect(await ctx.sandbox.admin.trade.ledger()).toHaveLength(ledgerBefore.length);
		expect((await ctx.sandbox.admin.trade.wallet()).walletCents).toBe(walletBefore);
	});

	it('the customer got one email per eSIM, and a re-run sends the same email again (nothing is bought twice)', () => {
		const esims = nodeItems(first, 'Buy eSIM') as Json[];
		const messages = ctx.smtp.messages as Json[];
		// First run and re-run: each eSIM's email twice, identical QR code and links.
		expect(messages).toHaveLength(2 * esims.length);
		const firstRun = expectCustomerEmails(messages.slice(0, esims.length), esims, fixture.email);
		const reRun = expectCustomerEmails(messages.slice(esims.length), esims, fixture.email);
		expect(reRun.map((r) => r.qrText).sort()).toEqual(firstRun.map((r) => r.qrText).sort());
	});
});

describe('Daily order export (CSV)', () => {
	it('writes the eSIMTrade orders of the last 24 hours and eSIM Distribute’s own export to files', async () => {
		const result = await runWorkflow(ctx, EXAMPLE_IDS.export);
		const files = exportFiles(result) as Json[];
		expect(files.map((f) => f.name).sort()).toEqual([
			expect.stringMatching(/^esim-distribute-orders-\d{4}-\d{2}-\d{2}\.csv$/),
			expect.stringMatching(/^esimtrade-orders-\d{4}-\d{2}-\d{2}\.csv$/),
		]);
		for (const file of files) expect(file.path.startsWith(ctx.exportDir)).toBe(true);

		const trade = files.find((f) => f.name.startsWith('esimtrade'))!;
		const tradeOrders = (await ctx.sandbox.admin.trade.orders()) as Json[];
		expect(trade.columns).toEqual(
			expect.arrayContaining([
				'providerOrderNo',
				'slug',
				'status',
				'quantity',
				'totalSellPrice',
				'createdAt',
			]),
		);
		const tradeRows = csvRows(readFileSync(trade.path, 'utf8'));
		expect(
			tradeRows.map((r) => [r.providerOrderNo, r.slug, r.status, Number(r.quantity)]).sort(),
		).toEqual(tradeOrders.map((o) => [o.orderNo, o.slug, o.status, o.quantity]).sort());

		const dist = files.find((f) => f.name.startsWith('esim-distribute'))!;
		const distOrders = (await ctx.sandbox.admin.distribute.orders()) as Json[];
		const distRows = csvRows(readFileSync(dist.path, 'utf8'));
		expect(distRows.map((r) => [r.orderNumber, r.orderId, r.status]).sort()).toEqual(
			distOrders.map((o) => [o.orderNumber, o.id, o.status]).sort(),
		);
		expect(nodeItems(result, 'eSIM Distribute export')[0]).toMatchObject({
			json: { rowCount: distOrders.length },
		});
	});
});

describe('Top-up approval', () => {
	const topups = async (): Promise<Json[]> =>
		(await ctx.sandbox.admin.distribute.topups()) as Json[];

	it('balance below the threshold, amount within the limit: creates a bank-transfer top-up and uploads the proof', async () => {
		await runTopUpBelowThreshold(ctx);
	});

	it('balance above the threshold: no top-up', async () => {
		await ctx.sandbox.admin.distribute.setBalance(5000);
		const before = (await topups()).length;
		const result = await runWorkflow(ctx, EXAMPLE_IDS.topUp);
		expect(nodeRan(result, 'Balance is fine')).toBe(true);
		expect(nodeRan(result, 'Create top-up')).toBe(false);
		expect(await topups()).toHaveLength(before);
	});

	it('amount above the auto-approval limit: the top-up is created but left for a person', async () => {
		const variant = structuredClone(byId(EXAMPLE_IDS.topUp));
		variant.id = 'esimTopUpHold001';
		variant.name = 'Top-up approval (limit 100)';
		const settings = variant.nodes.find((n: Json) => n.name === 'Settings');
		settings.parameters.assignments.assignments.find(
			(a: Json) => a.name === 'autoApproveLimit',
		).value = 100;
		await importJson(ctx.folder, 'workflow', [variant], 'variant.json');

		await ctx.sandbox.admin.distribute.setBalance(120);
		const before = (await topups()).length;
		const result = await runWorkflow(ctx, variant.id);
		expect(nodeRan(result, 'Needs manual approval')).toBe(true);
		expect(nodeRan(result, 'Upload transfer proof')).toBe(false);
		const after = await topups();
		expect(after).toHaveLength(before + 1);
		expect(after[0]).toMatchObject({
			amount: 500,
			status: 'awaiting_proof',
			paymentMethod: 'bank_transfer',
		});
	});
});

describe('Order status alerts (polling trigger under `n8n start`)', () => {
	it('is an example that starts from the eSIMTrade Trigger', () => {
		expect(
			examples.some((wf: Json) =>
				wf.nodes.some((n: Json) => n.type === 'n8n-nodes-esim.esimTradeTrigger'),
			),
		).toBe(true);
	});

	it('fires once when an order changes status at the provider, and only once', async () => {
		await triggerFiresOnceOnStatusChange(ctx);
	});
});
