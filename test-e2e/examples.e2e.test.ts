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
import { nodeItems, nodeRan } from '../scripts/lib/n8n/n8n-cli.mjs';
import { checkBaseNodeVersions } from '../scripts/lib/n8n/node-versions.mjs';
import { cleanupNow, stopAll } from '../scripts/lib/common/processes.mjs';
import { setQuiet } from '../scripts/lib/common/progress.mjs';
import { exportFiles, shopifyOrders } from '../scripts/lib/demo/summary.mjs';
import {
	csvRows,
	esimLinesOf,
	expectCustomerEmails,
	type Json,
	runShopifyFirstTime,
} from './helpers/expectations';
import { expectDistributeRerunBuysAndEmailsOnce } from './helpers/distribute';
import { triggerFiresOnceOnStatusChange } from './helpers/trigger';
import { expectConsecutiveDays, importShopifyVariant, utcDay } from './helpers/variants';

const repoDir = fileURLToPath(new URL('..', import.meta.url));
const fixture = loadShopifyFixture(repoDir) as Json;
const examples = loadExamples(repoDir).map((entry: Json) => entry.workflow as Json);
const byId = (id: string): Json => examples.find((wf: Json) => wf.id === id)!;

/** Shopify line items that are eSIMs, as the example's Code node selects them. */
const esimLines = esimLinesOf(fixture);

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
				EXAMPLE_IDS.opsAlert,
				EXAMPLE_IDS.dataTopUp,
			].sort(),
		);
		for (const wf of examples) {
			expect(wf.settings.executionOrder).toBe('v1');
			// An example that names an error workflow names the ops alert one.
			if (wf.settings.errorWorkflow) expect(wf.settings.errorWorkflow).toBe(EXAMPLE_IDS.opsAlert);
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

	it('the customer got one email per eSIM, and the re-run sent no second one', () => {
		const esims = nodeItems(first, 'Buy eSIM') as Json[];
		const messages = ctx.smtp.messages as Json[];
		expect(messages).toHaveLength(esims.length);
		expectCustomerEmails(messages, esims, fixture.email);
	});

	const tradeState = async () => ({
		orders: ((await ctx.sandbox.admin.trade.orders()) as Json[]).length,
		ledger: ((await ctx.sandbox.admin.trade.ledger()) as Json[]).length,
		wallet: (await ctx.sandbox.admin.trade.wallet()).walletCents,
	});

	it.each([
		['an unpaid order', 'esimShopifyUnpaid', { id: 5812093747301, financial_status: 'pending' }],
		['a voided order', 'esimShopifyVoided', { id: 5812093747302, financial_status: 'voided' }],
		['a test order', 'esimShopifyTest01', { id: 5812093747303, test: true }],
	])('%s buys nothing and emails no one', async (_what, id, changes) => {
		await importShopifyVariant(ctx, EXAMPLE_IDS.shopify, id, changes);
		const before = await tradeState();
		const mails = ctx.smtp.messages.length;
		const result = await runWorkflow(ctx, id);
		expect(nodeItems(result, 'Paid, not a test')).toHaveLength(0);
		expect(nodeRan(result, 'Buy eSIM')).toBe(false);
		expect(await tradeState()).toEqual(before);
		expect(ctx.smtp.messages).toHaveLength(mails);
	});

	it('a failed purchase alerts ops and sends the customer nothing', async () => {
		const order = await importShopifyVariant(ctx, EXAMPLE_IDS.shopify, 'esimShopifyFailed', {
			id: 5812093747304,
		});
		const mails = ctx.smtp.messages.length;
		await ctx.sandbox.admin.trade.config({ failureRate: 1 });
		try {
			const result = await runWorkflow(ctx, 'esimShopifyFailed');
			expect(nodeItems(result, 'Fulfilled?', { output: 0 })).toHaveLength(0);
			expect(nodeRan(result, 'Email QR code')).toBe(false);
		} finally {
			await ctx.sandbox.admin.trade.config({ failureRate: 0 });
		}
		const sent = (ctx.smtp.messages as Json[]).slice(mails);
		const lines = esimLinesOf(fixture);
		expect(sent).toHaveLength(lines.length);
		for (const message of sent) {
			expect(message.to).toEqual(['ops@travel-data-shop.example']);
			expect(message.subject).toBe(`eSIM not delivered: Shopify order ${fixture.name}`);
			expect(message.text).toMatch(/the order ended as "failed"/);
			expect(message.text).toMatch(new RegExp(`Idempotency key: ${order.id}-\\d+`));
		}
	});
});

describe('Shopify order → eSIM (eSIM Distribute)', () => {
	it('checks out once and emails each eSIM; a re-run (Skip Repeat Within) buys nothing and emails no one', async () => {
		await expectDistributeRerunBuysAndEmailsOnce(ctx);
	});
});

describe('Daily order export (CSV)', () => {
	const inDay = (iso: string, day: string) => iso.slice(0, 10) === day;
	/** Both files of one export run, their rows read back. */
	const filesOf = (result: Json) => {
		const files = exportFiles(result) as Json[];
		const trade = files.find((f) => f.name.startsWith('esimtrade'));
		const dist = files.find((f) => f.name.startsWith('esim-distribute'))!;
		return {
			files,
			trade: trade ? csvRows(readFileSync(trade.path, 'utf8')) : [],
			dist: csvRows(readFileSync(dist.path, 'utf8')),
		};
	};

	it('writes the previous UTC day of both providers, and eSIMTrade stops reading past that day', async () => {
		const day = utcDay(-1);
		const reads = async () =>
			(
				await ctx.sandbox.admin.requests({
					provider: 'trade',
					method: 'GET',
					path: '/api/v1/reseller/orders',
				})
			).count;
		const readsBefore = await reads();
		const result = await runWorkflow(ctx, EXAMPLE_IDS.export);
		const { files, trade, dist } = filesOf(result);
		expect(files.map((f) => f.name).sort()).toEqual([
			`esim-distribute-orders-${day}.csv`,
			`esimtrade-orders-${day}.csv`,
		]);
		for (const file of files) expect(file.path.startsWith(ctx.exportDir)).toBe(true);
		expect(files.find((f) => f.name.startsWith('esimtrade'))!.columns).toEqual(
			expect.arrayContaining([
				'providerOrderNo',
				'slug',
				'status',
				'quantity',
				'totalSellPrice',
				'createdAt',
			]),
		);
		const tradeOrders = ((await ctx.sandbox.admin.trade.orders()) as Json[]).filter((o) =>
			inDay(o.createdAt, day),
		);
		expect(tradeOrders.length).toBeGreaterThan(50);
		expect(
			trade.map((r) => [r.providerOrderNo, r.slug, r.status, Number(r.quantity)]).sort(),
		).toEqual(tradeOrders.map((o) => [o.orderNo, o.slug, o.status, o.quantity]).sort());
		// The history reaches back more than two days: a full read would take every page; the window two.
		const all = ((await ctx.sandbox.admin.trade.orders()) as Json[]).length;
		expect(await reads()).toBeLessThan(readsBefore + Math.ceil(all / 100));
		const distOrders = ((await ctx.sandbox.admin.distribute.orders()) as Json[]).filter((o) =>
			inDay(o.createdAt, day),
		);
		expect(distOrders.length).toBeGreaterThan(10);
		expect(dist.map((r) => [r.orderNumber, r.orderId, r.status]).sort()).toEqual(
			distOrders.map((o) => [o.orderNumber, o.id, o.status]).sort(),
		);
		expect(nodeItems(result, 'eSIM Distribute export')[0]).toMatchObject({
			json: { rowCount: distOrders.length },
		});
	});

	it('the files of two consecutive days neither overlap nor leave a gap', async () => {
		await expectConsecutiveDays(ctx, filesOf);
	});
});

describe('Top-up approval', () => {
	// Below the threshold the example waits for people (approval, transfer receipt): approval.e2e.test.ts.
	it('balance above the threshold: no quote, no top-up, the run ends "balance fine"', async () => {
		await ctx.sandbox.admin.distribute.setBalance(5000);
		const before = ((await ctx.sandbox.admin.distribute.topups()) as Json[]).length;
		const result = await runWorkflow(ctx, EXAMPLE_IDS.topUp);
		expect(nodeItems(result, 'Balance is fine')[0]).toMatchObject({
			json: { decision: 'balance fine' },
		});
		expect(nodeRan(result, 'Quote top-up')).toBe(false);
		expect(await ctx.sandbox.admin.distribute.topups()).toHaveLength(before);
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
