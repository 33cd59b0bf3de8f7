/**
 * The eSIMTrade Webhook Trigger in a real n8n under `n8n start`: published workflows, the sandbox delivering
 * signed webhooks to their production URLs (with held-back deliveries, duplicates, forged ones and retries),
 * and the two "fulfilled order → customer email" examples sending through the local SMTP sink.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';

import { flattedParse, prepareRun } from '../scripts/lib/demo/demo-run.mjs';
import { EXAMPLE_IDS } from '../scripts/lib/demo/examples.mjs';
import { importJson, publishWorkflow, startN8n } from '../scripts/lib/n8n/n8n-cli.mjs';
import { connect } from '../scripts/lib/n8n/n8n-rest.mjs';
import { cleanupNow, stopAll } from '../scripts/lib/common/processes.mjs';
import { setQuiet } from '../scripts/lib/common/progress.mjs';
import { TRADE_DEMO_KEYS } from '../scripts/lib/demo/sandbox.mjs';
import { type Json, expectCustomerEmails } from './helpers/expectations';

const repoDir = fileURLToPath(new URL('..', import.meta.url));
const COUNT_WF = 'esimWebhookCnt01';
const COUNT_WEBHOOK_ID = '0b7e1d2c-5a6f-4e3d-8c9b-16e5a4d3c2b1';
const ORDERS = 25;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let ctx: Json;
let server: Json;
let client: Json;
/** Orders the fulfilment example emails about, with the customer each belongs to. */
const customers = [
	{ email: 'ken.watanabe@example.com', name: 'Ken Watanabe' },
	{ email: 'lea.fischer@example.com', name: 'Lea Fischer' },
];
let exampleOrders: Json[] = [];

const webhookUrl = (webhookId: string) =>
	`http://127.0.0.1:${server.port}/webhook/${webhookId}/webhook`;

/** Waits until the sandbox has delivered (or given up on) every webhook delivery. */
async function drained(timeoutMs = 120_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while ((await ctx.sandbox.admin.trade.webhooks()).pending > 0) {
		if (Date.now() > deadline) throw new Error('webhook deliveries still pending');
		await sleep(200);
	}
}

/** Executions of a workflow once their number stays the same for a few seconds, with run data. */
async function settledExecutions(workflowId: string, atLeast: number): Promise<Json[]> {
	const deadline = Date.now() + 120_000;
	let last = -1;
	let stableSince = Date.now();
	for (;;) {
		// n8n lists 20 executions unless asked for more (at most 100).
		const body = (await client.get('executions', {
			filter: JSON.stringify({ workflowId }),
			limit: '100',
		})) as Json;
		const list = (body.data.results ?? body.data) as Json[];
		const done = list.filter((e) => !['new', 'running', 'waiting'].includes(e.status));
		if (done.length !== last) {
			last = done.length;
			stableSince = Date.now();
		}
		if (done.length === list.length && done.length >= atLeast && Date.now() - stableSince > 3000) {
			return await Promise.all(done.map((e) => client.execution(e.id, flattedParse(ctx.paths))));
		}
		if (Date.now() > deadline)
			throw new Error(
				`${done.length}/${list.length} executions of ${workflowId} finished, expected ${atLeast}`,
			);
		await sleep(500);
	}
}

const triggerItems = (execution: Json, node: string): Json[] =>
	(execution.data.resultData.runData[node]?.[0]?.data?.main?.[0] ?? []).map(
		(item: Json) => item.json,
	);

beforeAll(async () => {
	setQuiet(process.env.E2E_VERBOSE !== '1');
	ctx = await prepareRun(repoDir, {});
	// Orders the fulfilment example will report; created before n8n starts (publishing needs a restart to take effect).
	const { trade } = ctx.sandbox.admin;
	await trade.config({ fulfilmentDelayMs: 3_600_000 });
	await trade.seedOrders(customers.length, { status: 'processing' });
	exampleOrders = ((await trade.orders()) as Json[]).slice(0, customers.length);

	const count = {
		id: COUNT_WF,
		name: 'Webhook delivery count',
		nodes: [
			{
				id: 'e1000000-0000-4000-8000-000000000001',
				name: 'eSIMTrade Webhook Trigger',
				type: 'n8n-nodes-esim.esimTradeWebhookTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: COUNT_WEBHOOK_ID,
				parameters: { events: ['statusChanged'], confirm: true, qrImage: 'none', options: {} },
				credentials: { esimTradeApi: { id: 'esimTradeDemo001', name: 'eSIMTrade account' } },
			},
			{
				id: 'e1000000-0000-4000-8000-000000000002',
				name: 'Done',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [240, 0],
				parameters: {},
			},
		],
		connections: {
			'eSIMTrade Webhook Trigger': { main: [[{ node: 'Done', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		active: false,
	};
	// The fulfilment example with its customer table filled in for the two orders.
	const fulfilment = structuredClone(
		ctx.workflows.find((wf: Json) => wf.id === EXAMPLE_IDS.fulfilmentWebhook),
	);
	const lookup = fulfilment.nodes.find((n: Json) => n.name === 'Find the customer');
	const table = Object.fromEntries(exampleOrders.map((o, i) => [o.orderNo, customers[i]]));
	lookup.parameters.jsCode = lookup.parameters.jsCode.replace(
		/const CUSTOMERS = \{[\s\S]*?\n\};/,
		`const CUSTOMERS = ${JSON.stringify(table)};`,
	);
	await importJson(ctx.folder, 'workflow', [count, fulfilment], 'webhook-workflows.json');
	for (const id of [COUNT_WF, EXAMPLE_IDS.fulfilmentWebhook, EXAMPLE_IDS.distributeEmail])
		await publishWorkflow(ctx.folder, id);

	// Generous: the machine may be shared with other heavy jobs.
	server = await startN8n(ctx.folder, { timeoutMs: 300_000 }).catch((error: Json) => {
		throw new Error(`${error.message}\n${error.details ?? ''}`);
	});
	client = await connect(server.url);
	// Readiness can come before the production webhooks are registered; a GET on a POST-only path tells.
	for (const id of [
		COUNT_WEBHOOK_ID,
		fulfilment.nodes.find((n: Json) => n.type.endsWith('esimTradeWebhookTrigger')).webhookId,
	]) {
		const deadline = Date.now() + 60_000;
		while (!(await (await fetch(webhookUrl(id))).text()).includes('Did you mean')) {
			if (Date.now() > deadline) throw new Error(`webhook ${id} not registered`);
			await sleep(500);
		}
	}
});

afterAll(async () => {
	await server?.stop();
	await stopAll();
	cleanupNow();
});

describe('eSIMTrade Webhook Trigger in n8n (n8n start, published workflow)', () => {
	let deliveries: Json[];
	let executions: Json[];

	it('50 status changes, 10 duplicates and 5 forged deliveries start exactly 50 executions', async () => {
		const { trade } = ctx.sandbox.admin;
		await trade.webhooks({
			url: webhookUrl(COUNT_WEBHOOK_ID),
			secret: TRADE_DEMO_KEYS.webhookSecret,
			disorderRate: 0.3,
			disorderDelayMs: 150,
			duplicateRate: 0,
			retryDelayMs: 300,
			maxAttempts: 6,
		});
		await trade.seedOrders(ORDERS, { status: 'processing' });
		const orders = ((await trade.orders()) as Json[]).slice(0, ORDERS);
		// Two changes per order; the second only after the first was delivered, so each is its own event.
		for (const order of orders) await trade.setStatus(order.orderNo, 'got_resource');
		await drained();
		for (const order of orders) await trade.setStatus(order.orderNo, 'in_use');
		await drained();
		expect((await trade.replay(10)).replayed).toBe(10);
		expect((await trade.forge(5)).forged).toHaveLength(5);
		await drained();

		deliveries = (await trade.deliveries()) as Json[];
		executions = await settledExecutions(COUNT_WF, 50);
		const events = executions.flatMap((e) => triggerItems(e, 'eSIMTrade Webhook Trigger'));

		expect(deliveries.filter((d) => d.origin === 'event')).toHaveLength(50);
		expect(executions).toHaveLength(50);
		// Every event delivery got a 2xx in the end (a slow answer may have been retried: 409 while the first still ran).
		const undelivered = deliveries.filter((d) => d.origin === 'event' && d.state !== 'delivered');
		expect(undelivered.map((d) => ({ id: d.id, state: d.state, attempts: d.attempts }))).toEqual(
			[],
		);
		expect(executions.every((e) => e.mode === 'webhook' && e.status === 'success')).toBe(true);
		expect(events).toHaveLength(50);
		const got = events.map((e) => `${e.providerOrderNo} ${e.previousStatus}>${e.status}`).sort();
		const want = orders
			.flatMap((o) => [`${o.orderNo} processing>got_resource`, `${o.orderNo} got_resource>in_use`])
			.sort();
		expect(got).toEqual(want);
		expect(events.every((e) => e.delivery?.signature === 'valid')).toBe(true);
		// Nothing claimed by a forged delivery got through.
		expect(events.filter((e) => e.status === 'revoked')).toHaveLength(0);
	});

	it('duplicates are answered 200 without an execution; forged ones 401 every attempt', () => {
		const replays = deliveries.filter((d) => d.origin === 'replay');
		expect(replays).toHaveLength(10);
		expect(replays.every((d) => d.state === 'delivered' && d.attempts.length === 1)).toBe(true);
		const forged = deliveries.filter((d) => d.origin === 'forged');
		expect(forged).toHaveLength(5);
		expect(
			forged.every((d) => d.state === 'failed' && d.attempts.every((a: Json) => a.status === 401)),
		).toBe(true);
		// Held-back deliveries happened (the order of arrival was not the order of events).
		const arrival = deliveries
			.filter((d) => d.origin === 'event')
			.sort((a, b) => a.attempts[0].at.localeCompare(b.attempts[0].at))
			.map((d) => d.seq);
		expect(arrival).not.toEqual([...arrival].sort((a, b) => a - b));
	});

	it('examples/fulfilment-webhook.json: a fulfilled order emails its customer the QR code', async () => {
		const { trade } = ctx.sandbox.admin;
		const url = webhookUrl(
			ctx.workflows
				.find((wf: Json) => wf.id === EXAMPLE_IDS.fulfilmentWebhook)
				.nodes.find((n: Json) => n.type.endsWith('esimTradeWebhookTrigger')).webhookId,
		);
		await trade.webhooks({ url, disorderRate: 0, duplicateRate: 0.5 });
		const before = ctx.smtp.messages.length;
		for (const order of exampleOrders) await trade.setStatus(order.orderNo, 'got_resource');
		await drained();
		const runs = await settledExecutions(EXAMPLE_IDS.fulfilmentWebhook, exampleOrders.length);
		expect(runs).toHaveLength(exampleOrders.length);
		expect(runs.every((e) => e.status === 'success')).toBe(true);
		await ctx.smtp.waitFor(before + exampleOrders.length);
		const messages = ctx.smtp.messages.slice(before) as Json[];
		expect(messages).toHaveLength(exampleOrders.length);
		for (const [i, order] of exampleOrders.entries()) {
			const full = await trade.order(order.orderNo);
			const esim = { json: { iccid: full.esims[0].iccid, activationCode: full.esims[0].ac } };
			const mine = messages.filter((m) => m.to.includes(customers[i]!.email));
			expectCustomerEmails(mine, [esim], customers[i]!.email);
		}
	});
});

describe('examples/distribute-fulfilled-email.json (eSIM Distribute Trigger, n8n start)', () => {
	it('an order completed at eSIM Distribute emails its customer the QR code', async () => {
		const { distribute } = ctx.sandbox.admin;
		// The activation poll recorded the (empty) order list; a completed order appears, the next poll reports it.
		const before = ctx.smtp.messages.length;
		await distribute.seedOrders(1, { status: 'completed', email: 'aiko.sato@example.com' });
		const [order] = (await distribute.orders()) as Json[];
		const runs = await settledExecutions(EXAMPLE_IDS.distributeEmail, 1);
		expect(runs).toHaveLength(1);
		expect(runs[0].status).toBe('success');
		await ctx.smtp.waitFor(before + 1);
		const esim = order.esims[0];
		expectCustomerEmails(
			ctx.smtp.messages.slice(before),
			[{ json: { iccid: esim.iccid, activationCode: esim.activationCode } }],
			'aiko.sato@example.com',
		);
	});
});
