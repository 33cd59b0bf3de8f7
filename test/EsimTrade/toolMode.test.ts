import {
	NodeConnectionTypes,
	type IDataObject,
	type INode,
	type INodeParameters,
} from 'n8n-workflow';

import { EsimTradeApi } from '../../credentials/EsimTradeApi.credentials';
import { EsimTrade } from '../../nodes/EsimTrade/EsimTrade.node';
import { startSandbox, type Sandbox } from '../../sandbox';
import { createHarness, runNode, runWorkflow, type Harness } from '../harness/run';
import { asToolType, InlineAgent } from '../harness/tools';
import { plan, requestsTo, SECRET } from '../helpers/trade';

const TOOL_TYPE = 'n8n-nodes-esim.esimTradeTool';
const CREDENTIALS = { esimTradeApi: { id: 'cred-trade', name: 'eSIMTrade account' } };
const fromAi = (key: string, type = 'number') =>
	`={{ $fromAI('${key}', 'the ${key}', '${type}') }}`;

/** An order whose quantity (and, unless fixed, its Max Total) the model fills. */
const buy = (options: IDataObject = { maxTotal: 10 }): IDataObject => ({
	resource: 'order',
	operation: 'create',
	plan: plan('ES_3_30'),
	quantity: fromAi('quantity'),
	waitForFulfilment: false,
	options,
});

describe('eSIMTrade as an AI Agent tool', () => {
	let sandbox: Sandbox;
	let harness: Harness;
	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
		const trade = new EsimTrade();
		harness = createHarness(
			{
				[TOOL_TYPE]: asToolType(trade),
				'n8n-nodes-esim.esimTradeEngineTool': trade,
				'test.inlineAgent': new InlineAgent(),
				'test.tradeUnsuffixed': asToolType(trade),
			},
			[new EsimTradeApi()],
			{
				esimTradeApi: {
					accessCode: 'demo-access',
					secretKey: SECRET,
					baseUrl: sandbox.tradeBaseUrl,
				},
			},
		);
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => sandbox.reset());

	const orders = () => requestsTo(sandbox, 'POST', '/portal/order');

	/**
	 * AI Agent 3.x: the engine runs the tool node as an ordinary node (ExecuteContext, isToolExecution() false)
	 * whose type ends in `Tool`; the model's arguments are in the input item, where `$fromAI` finds them.
	 */
	const engineCall = async (parameters: IDataObject, args: IDataObject) =>
		await runNode(
			harness,
			{
				name: 'Buy eSIM',
				type: 'n8n-nodes-esim.esimTradeEngineTool',
				parameters: parameters as INodeParameters,
				credentials: CREDENTIALS,
			},
			[{ ...args, toolCallId: 'call_1' }],
		);

	/** AI Agent 1.x/2.x: n8n-core wraps the node with createNodeAsTool and LangChain invokes it in a SupplyDataContext. */
	const inlineCalls = async (
		parameters: IDataObject,
		calls: Array<{ tool: string; args: IDataObject }>,
		toolNode: Partial<INode> = {},
	) => {
		const tool: INode = {
			id: 'tool',
			name: 'Buy eSIM',
			type: TOOL_TYPE,
			typeVersion: 1,
			position: [200, 200],
			parameters: parameters as INodeParameters,
			credentials: CREDENTIALS,
			...toolNode,
		};
		const agent: INode = {
			id: 'agent',
			name: 'Agent',
			type: 'test.inlineAgent',
			typeVersion: 1,
			position: [200, 0],
			parameters: { calls: JSON.stringify(calls) },
		};
		const run = await runWorkflow(harness, [agent, tool], {
			Start: { main: [[{ node: 'Agent', type: NodeConnectionTypes.Main, index: 0 }]] },
			[tool.name]: { ai_tool: [[{ node: 'Agent', type: NodeConnectionTypes.AiTool, index: 0 }]] },
		});
		if (run.status !== 'success') throw new Error(`agent run failed: ${JSON.stringify(run.error)}`);
		return { ...run, answers: (run.outputs.Agent ?? []).map((i) => i.json) };
	};

	describe('engine path (AI Agent 3.x)', () => {
		it('buys within the fixed Max Total, once', async () => {
			const { status, items } = await engineCall(buy(), { quantity: 2 });
			expect(status).toBe('success');
			expect(items[0].json.orderNo).toBeTruthy();
			expect(orders()).toBe(1);
			expect(sandbox.trade.ledger.map((e) => e.cents)).toEqual([-500]);
		});

		it('refuses above the limit and tells the model the limit in the message; nothing bought', async () => {
			const { status, error } = await engineCall(buy(), { quantity: 5 });
			expect(status).toBe('error');
			expect(error!.message).toBe(
				'Max Total: this order costs 12.50 USD, more than the limit of 10.00 USD. Nothing was bought. This tool may spend at most 10.00 USD per call; ask for less or for a person to buy it.',
			);
			expect(orders()).toBe(0);
			expect(sandbox.trade.ledger).toHaveLength(0);
		});

		it('refuses to spend when no Max Total is set', async () => {
			const { error } = await engineCall(buy({}), { quantity: 1 });
			expect(error!.message).toMatch(
				/^Refused: as an AI Agent tool this node buys only within a fixed Max Total set by the workflow author, and none is set\. Nothing was bought\./,
			);
			expect(orders()).toBe(0);
			expect(sandbox.log.count({ provider: 'trade' })).toBe(0);
		});

		it('refuses a Max Total the model could fill ($fromAI or any expression), even when it would allow the order', async () => {
			for (const maxTotal of [fromAi('limit'), '={{ $json.limit }}']) {
				const { error } = await engineCall(buy({ maxTotal }), { quantity: 1, limit: 1000 });
				expect(error!.message).toMatch(
					/^Refused: as an AI Agent tool this node buys only within a fixed Max Total/,
				);
			}
			expect(orders()).toBe(0);
		});

		it('refuses Dry Run and Top-Up Create without a fixed limit too', async () => {
			const dry = await engineCall(buy({ dryRun: true }), { quantity: 1 });
			expect(dry.error!.message).toMatch(/^Refused: /);
			const topUp = await engineCall(
				{
					resource: 'topUp',
					operation: 'create',
					iccid: fromAi('iccid', 'string'),
					slug: 'ES_TOPUP_1GB',
					quantity: 1,
				},
				{ iccid: '89480100000000000007' },
			);
			expect(topUp.error!.message).toMatch(/^Refused: /);
			expect(requestsTo(sandbox, 'POST', '/portal/topups')).toBe(0);
		});

		it('validates model-filled quantities exactly as for a person', async () => {
			for (const [quantity, message] of [
				[0, 'Quantity: must be from 1 to 100 (got 0)'],
				[2.5, 'Quantity: must be a whole number (got 2.5)'],
				['lots', 'Quantity: must be a number (got "lots")'],
				[undefined, 'Quantity: Required (got nothing)'],
			] as const) {
				const { error } = await engineCall(buy(), quantity === undefined ? {} : { quantity });
				expect(error!.message).toBe(message);
			}
			expect(sandbox.log.count({ provider: 'trade' })).toBe(0);
		});

		it('read-only operations work as before, with no limit', async () => {
			const { status, items } = await engineCall(
				{ resource: 'wallet', operation: 'getBalance' },
				{},
			);
			expect(status).toBe('success');
			expect(items[0].json).toMatchObject({ walletBalanceCents: 1_000_000 });
		});
	});

	describe('inline path (AI Agent 1.x/2.x, isToolExecution() true)', () => {
		it('states the limit rule in the tool description, buys within it once, refuses above it, answers a read', async () => {
			const { status, answers } = await inlineCalls(buy(), [
				{ tool: 'Buy_eSIM', args: { quantity: 1 } },
				{ tool: 'Buy_eSIM', args: { quantity: 9 } },
			]);
			expect(status).toBe('success');
			expect(answers[0].description).toBe(
				'Create an order within a fixed spending limit in eSIMTrade',
			);
			expect((answers[0].answer as IDataObject[])[0].orderNo).toBeTruthy();
			expect(answers[1].error).toMatch(
				/^Max Total: this order costs 22\.50 USD, more than the limit of 10\.00 USD\. Nothing was bought\. This tool may spend at most 10\.00 USD per call/,
			);
			expect(orders()).toBe(1);
			const read = await inlineCalls({ resource: 'wallet', operation: 'getBalance' }, [
				{ tool: 'Buy_eSIM', args: {} },
			]);
			expect((read.answers[0].answer as IDataObject[])[0]).toMatchObject({
				walletBalanceCents: 1_000_000 - 250,
			});
		});

		it('refuses without a fixed Max Total', async () => {
			const { answers } = await inlineCalls(buy({ maxTotal: fromAi('limit') }), [
				{ tool: 'Buy_eSIM', args: { quantity: 1, limit: 99 } },
			]);
			expect(answers[0].error).toMatch(
				/^Refused: as an AI Agent tool this node buys only within a fixed Max Total/,
			);
			expect(orders()).toBe(0);
		});

		it('tells tool mode from isToolExecution() alone when the type has no Tool suffix', async () => {
			const { answers } = await inlineCalls(
				buy({}),
				[{ tool: 'Buy_eSIM', args: { quantity: 1 } }],
				{ type: 'test.tradeUnsuffixed' },
			);
			expect(answers[0].error).toMatch(/^Refused: /);
			expect(orders()).toBe(0);
		});
	});
});
