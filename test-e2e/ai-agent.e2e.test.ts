/**
 * The nodes as AI Agent tools in a real n8n: an AI Agent (3.1, n8n's default) whose chat model is n8n's
 * OpenAI Chat Model pointed at the sandbox's scripted chat-completions endpoint (sandbox/chat.ts), with
 * eSIMTrade tools: "Buy eSIM" (Create Order, quantity from the model, fixed Max Total 10 USD) and
 * "Wallet balance". Asserts on n8n's run data and on the sandbox's ledger and request log. The same run
 * also executes the eSIM Distribute variant of the Shopify example, which waits for fulfilment and
 * hands on one item per eSIM with its QR code.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';

import { prepareRun, prepareSandboxScenario, runWorkflow } from '../scripts/lib/demo/demo-run.mjs';
import { CREDENTIAL_REFS, EXAMPLE_IDS, loadExamples } from '../scripts/lib/demo/examples.mjs';
import { readEmails } from '../scripts/lib/demo/emails.mjs';
import { importJson, nodeItems } from '../scripts/lib/n8n/n8n-cli.mjs';
import { cleanupNow, stopAll } from '../scripts/lib/common/processes.mjs';
import { setQuiet } from '../scripts/lib/common/progress.mjs';
import type { Json } from './helpers/expectations';

const repoDir = fileURLToPath(new URL('..', import.meta.url));
const OPENAI = { id: 'sandboxChatModel', name: 'Sandbox chat model' };
const MAX_TOTAL = 10;

/** Manual Trigger → AI Agent 3.1 with the sandbox chat model and two eSIMTrade tools; `prompt` scripts the model. */
function agentWorkflow(id: string, prompt: string): Json {
	const trade = { esimTradeApi: CREDENTIAL_REFS.esimTradeApi };
	return {
		id,
		name: `AI Agent: ${id}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'e1000000-0000-4000-8000-000000000001',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'e1000000-0000-4000-8000-000000000002',
				name: 'AI Agent',
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: 3.1,
				position: [240, 0],
				parameters: {
					promptType: 'define',
					text: prompt,
					options: { systemMessage: 'You sell eSIMs for travellers.' },
				},
			},
			{
				id: 'e1000000-0000-4000-8000-000000000003',
				name: 'OpenAI Chat Model',
				type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
				typeVersion: 1.3,
				position: [120, 220],
				parameters: {
					model: { __rl: true, mode: 'id', value: 'fake-model' },
					responsesApiEnabled: false,
					options: {},
				},
				credentials: { openAiApi: OPENAI },
			},
			{
				id: 'e1000000-0000-4000-8000-000000000004',
				name: 'Buy eSIM',
				type: 'n8n-nodes-esim.esimTradeTool',
				typeVersion: 1,
				position: [300, 220],
				parameters: {
					resource: 'order',
					operation: 'create',
					plan: { __rl: true, mode: 'id', value: 'ES_3_30' },
					quantity: "={{ $fromAI('quantity', 'How many Spain 3GB eSIMs to buy', 'number') }}",
					waitForFulfilment: false,
					options: { maxTotal: MAX_TOTAL },
				},
				credentials: trade,
			},
			{
				id: 'e1000000-0000-4000-8000-000000000005',
				name: 'Wallet balance',
				type: 'n8n-nodes-esim.esimTradeTool',
				typeVersion: 1,
				position: [480, 220],
				parameters: { resource: 'wallet', operation: 'getBalance' },
				credentials: trade,
			},
		],
		connections: {
			Start: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			'OpenAI Chat Model': {
				ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]],
			},
			'Buy eSIM': { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
			'Wallet balance': { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
		},
	};
}

const WITHIN = agentWorkflow(
	'aiAgentBuyWithin',
	'Buy 2 Spain eSIMs for Alice. CALL Buy_eSIM {"quantity":2}',
);
const ABOVE = agentWorkflow(
	'aiAgentBuyAbove1',
	'Buy 5 Spain eSIMs for a tour group. CALL Buy_eSIM {"quantity":5}',
);
const READ = agentWorkflow(
	'aiAgentReadWalle',
	'How much money is in the wallet? CALL Wallet_balance {}',
);

let ctx: Json;

const tradeOrders = async (): Promise<Json[]> =>
	(
		await ctx.sandbox.admin.requests({
			provider: 'trade',
			method: 'POST',
			path: '/api/v1/portal/order',
		})
	).entries;
const ledger = async (): Promise<Json[]> => await ctx.sandbox.admin.trade.ledger();
/** What the model received as the tool's answer, from the chat requests the sandbox logged. */
async function toolMessages(): Promise<string[]> {
	const { entries } = await ctx.sandbox.admin.requests({ path: '/openai/v1/chat/completions' });
	return (entries as Json[]).flatMap((e) =>
		(e.body?.messages ?? [])
			.filter((m: Json) => m.role === 'tool')
			.map((m: Json) => String(m.content)),
	);
}
const toolRun = (result: Json, name: string): Json => result.data.resultData.runData[name]?.[0];
const agentOutput = (result: Json): string =>
	String(nodeItems(result, 'AI Agent')[0]?.json?.output ?? '');

beforeAll(async () => {
	setQuiet(process.env.E2E_VERBOSE !== '1');
	const distributeShopify = loadExamples(repoDir)
		.map((entry: Json) => entry.workflow as Json)
		.find((wf: Json) => wf.id === EXAMPLE_IDS.shopifyDistribute);
	ctx = await prepareRun(repoDir, { examples: [WITHIN, ABOVE, READ, distributeShopify!] });
	await importJson(
		ctx.folder,
		'credentials',
		[
			{
				...OPENAI,
				type: 'openAiApi',
				data: { apiKey: 'sk-sandbox', url: `${ctx.sandbox.url}/openai/v1` },
			},
		],
		'openai-credentials.json',
	);
});

afterAll(async () => {
	await stopAll();
	cleanupNow();
});

describe('AI Agent with the eSIMTrade node as tools (real n8n, OpenAI Chat Model → sandbox chat)', () => {
	it('buys once when the model asks for a purchase within the fixed Max Total', async () => {
		await ctx.sandbox.admin.reset();
		const result = await runWorkflow(ctx, WITHIN.id);
		expect(result.status).toBe('success');
		const run = toolRun(result, 'Buy eSIM');
		expect(run.executionStatus).toBe('success');
		expect(run.inputOverride.ai_tool[0][0].json).toMatchObject({ quantity: 2 });
		const [order] = run.data.ai_tool[0] as Json[];
		expect(order.json).toMatchObject({ slug: 'ES_3_30', quantity: 2, replayed: false });
		expect(await tradeOrders()).toHaveLength(1);
		expect((await ledger()).map((e: Json) => [e.type, e.cents])).toEqual([['debit', -500]]);
		expect(agentOutput(result)).toContain(String(order.json.orderNo));
	});

	it('refuses a purchase above the limit: nothing bought, and the model is told the limit', async () => {
		await ctx.sandbox.admin.reset();
		const result = await runWorkflow(ctx, ABOVE.id);
		expect(result.status).toBe('success');
		const run = toolRun(result, 'Buy eSIM');
		expect(run.executionStatus).toBe('error');
		expect(await tradeOrders()).toHaveLength(0);
		expect(await ledger()).toEqual([]);
		const told = await toolMessages();
		expect(told).toHaveLength(1);
		expect(told[0]).toContain(
			'Max Total: this order costs 12.50 USD, more than the limit of 10.00 USD. Nothing was bought.',
		);
		expect(told[0]).toContain('This tool may spend at most 10.00 USD per call');
		expect(agentOutput(result)).toContain('more than the limit of 10.00 USD');
	});

	it('answers a read with no limit involved', async () => {
		await ctx.sandbox.admin.reset();
		const result = await runWorkflow(ctx, READ.id);
		expect(result.status).toBe('success');
		expect(toolRun(result, 'Wallet balance').executionStatus).toBe('success');
		expect(agentOutput(result)).toContain('"walletBalanceCents":1000000');
		expect(await tradeOrders()).toHaveLength(0);
		const offered = (await ctx.sandbox.admin.requests({ path: '/openai/v1/chat/completions' }))
			.entries[0].body.tools as Json[];
		expect(offered.map((t: Json) => [t.function.name, t.function.description]).sort()).toEqual([
			['Buy_eSIM', 'Create an order within a fixed spending limit in eSIMTrade'],
			['Wallet_balance', 'Get the wallet balance in eSIMTrade'],
		]);
	});
});

describe('Shopify order → eSIM, eSIM Distribute variant (real n8n)', () => {
	it('checks out one basket, waits for fulfilment and hands on one item per eSIM with its QR code', async () => {
		await ctx.sandbox.admin.reset();
		await prepareSandboxScenario(ctx);
		const mailsBefore = ctx.smtp?.messages.length ?? 0;
		const result = await runWorkflow(ctx, EXAMPLE_IDS.shopifyDistribute);
		expect(result.status).toBe('success');
		const items = nodeItems(result, 'Buy eSIM') as Json[];
		expect(items).toHaveLength(3);
		for (const item of items) {
			expect(item.json).toMatchObject({
				fulfilment: 'fulfilled',
				status: 'completed',
				customerEmail: expect.any(String),
			});
			expect(item.json.iccid).toMatch(/^\d{20}$/);
			expect(item.json.activationCode).toMatch(/^LPA:1\$/);
			expect(item.binary?.qrCode?.mimeType).toBe('image/png');
		}
		const checkouts = (
			await ctx.sandbox.admin.requests({
				provider: 'distribute',
				method: 'POST',
				path: '/api/tenant/orders/checkout',
			})
		).entries;
		expect(checkouts).toHaveLength(1);
		const ids = new Set(items.map((i) => String(i.json.id)));
		const orders = ((await ctx.sandbox.admin.distribute.orders()) as Json[]).filter((o: Json) =>
			ids.has(String(o.id)),
		);
		expect(orders.map((o: Json) => [o.status, o.quantity]).sort()).toEqual([
			['completed', 1],
			['completed', 2],
		]);
		// The email step sends for real through the local SMTP sink: one email per eSIM, to the Shopify
		// customer, whose attached QR code decodes to that eSIM's activation code.
		const emails = readEmails((ctx.smtp?.messages ?? []).slice(mailsBefore)) as Json[];
		expect(emails.map((e) => e.iccid).sort()).toEqual(items.map((i) => i.json.iccid).sort());
		for (const email of emails) {
			const esim = items.find((i) => i.json.iccid === email.iccid)!.json;
			expect(email.to).toEqual([esim.customerEmail]);
			expect(email.qrText).toBe(esim.activationCode);
		}
	});
});
