/**
 * A person in front of an AI Agent's purchase, in a real n8n (`n8n start`): the workflow, the approval
 * email's links, and the polling of one execution over n8n's REST API.
 *
 * The workflow: Webhook → AI Agent 3.1 (prompt from the request body) with n8n's OpenAI Chat Model pointed
 * at the sandbox's scripted chat endpoint, and two eSIMTrade Create Order tools:
 * - "Buy eSIM": Max Total 10 USD, straight to the agent (the agent buys within 10 USD on its own);
 * - "Buy eSIM with approval": Max Total 50 USD, behind n8n's human review for tools, the Send Email node's
 *   "Send and Wait" turned into a tool gate (`n8n-nodes-base.emailSendHitlTool`): the tool → the gate
 *   (ai_tool) → the agent (ai_tool). Every call of it waits for Approve / Decline in an email.
 */
import { CREDENTIAL_REFS } from '../../scripts/lib/demo/examples.mjs';
import { SMTP_CREDENTIAL } from '../../scripts/lib/demo/smtp-sink.mjs';
import type { Json } from './expectations';

export const REVIEW_WORKFLOW_ID = 'aiAgentReviewBuy';
export const REVIEW_PATH = 'esim-agent-review';
export const OPENAI = { id: 'sandboxChatModel', name: 'Sandbox chat model' };
export const OPS_EMAIL = 'ops@shop.example';
export const GATE = 'Ask ops to approve';
export const GATED_TOOL = 'Buy eSIM with approval';
export const DIRECT_TOOL = 'Buy eSIM';

const id = (n: number): string => `e2000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A Create Order tool for Spain 3GB (2.50 USD each), quantity from the model, fixed Max Total. */
function buyTool(n: number, name: string, maxTotal: number, description: string): Json {
	return {
		id: id(n),
		name,
		type: 'n8n-nodes-esim.esimTradeTool',
		typeVersion: 1,
		position: [200 + 200 * n, 240],
		parameters: {
			descriptionType: 'manual',
			toolDescription: description,
			resource: 'order',
			operation: 'create',
			plan: { __rl: true, mode: 'id', value: 'ES_3_30' },
			quantity: "={{ $fromAI('quantity', 'How many Spain 3GB eSIMs to buy', 'number') }}",
			waitForFulfilment: false,
			options: { maxTotal },
		},
		credentials: { esimTradeApi: CREDENTIAL_REFS.esimTradeApi },
	};
}

export function reviewWorkflow(): Json {
	return {
		id: REVIEW_WORKFLOW_ID,
		name: 'AI Agent: purchases above 10 USD need a person',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: id(1),
				name: 'Order request',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: id(101),
				parameters: {
					httpMethod: 'POST',
					path: REVIEW_PATH,
					responseMode: 'onReceived',
					options: {},
				},
			},
			{
				id: id(2),
				name: 'AI Agent',
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: 3.1,
				position: [240, 0],
				parameters: {
					promptType: 'define',
					text: '={{ $json.body.request }}',
					options: { systemMessage: 'You sell eSIMs for travellers.' },
				},
			},
			{
				id: id(3),
				name: 'OpenAI Chat Model',
				type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
				typeVersion: 1.3,
				position: [120, 240],
				parameters: {
					model: { __rl: true, mode: 'id', value: 'fake-model' },
					responsesApiEnabled: false,
					options: {},
				},
				credentials: { openAiApi: OPENAI },
			},
			buyTool(4, DIRECT_TOOL, 10, 'Buys Spain eSIMs for at most 10 USD in total'),
			buyTool(
				5,
				GATED_TOOL,
				50,
				'Buys Spain eSIMs for more than 10 USD (at most 50 USD); a person approves each purchase first',
			),
			{
				id: id(6),
				name: GATE,
				type: 'n8n-nodes-base.emailSendHitlTool',
				typeVersion: 2.1,
				position: [1000, 120],
				webhookId: id(106),
				parameters: {
					fromEmail: 'agent@shop.example',
					toEmail: OPS_EMAIL,
					subject: 'An AI Agent wants to buy eSIMs',
					message:
						'=The agent wants to run {{ $tool.name }} with {{ JSON.stringify($tool.parameters) }}',
					approvalOptions: { values: { approvalType: 'double' } },
					options: {
						limitWaitTime: {
							values: { limitType: 'afterTimeInterval', resumeAmount: 30, resumeUnit: 'minutes' },
						},
					},
				},
				credentials: { smtp: { id: SMTP_CREDENTIAL.id, name: SMTP_CREDENTIAL.name } },
			},
		],
		connections: {
			'Order request': { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			'OpenAI Chat Model': {
				ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]],
			},
			[DIRECT_TOOL]: { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
			[GATED_TOOL]: { ai_tool: [[{ node: GATE, type: 'ai_tool', index: 0 }]] },
			[GATE]: { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
		},
	};
}

/** The buttons of a Send and Wait email: { [label]: url } (HTML entities in the href decoded). */
export function emailButtons(html: string): Record<string, string> {
	const buttons: Record<string, string> = {};
	for (const match of html.matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)) {
		buttons[match[2].trim()] = match[1].replace(/&amp;/g, '&');
	}
	return buttons;
}

/** What a person's browser sends: n8n ignores link-preview bots on approval links. */
export const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls an execution until `done(status)` holds; resolves it (with its data), or throws after `timeoutMs`. */
export async function pollExecution(
	client: Json,
	executionId: string,
	parse: (s: string) => unknown,
	done: (status: string) => boolean,
	{ timeoutMs = 120_000 } = {},
): Promise<Json> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const execution = await client.execution(executionId, parse);
		if (done(execution.status)) return execution;
		if (Date.now() > deadline)
			throw new Error(`execution ${executionId} still "${execution.status}" after ${timeoutMs} ms`);
		await sleep(300);
	}
}

/** The id of the first execution of `workflowId` not in `seen` (waits for it to appear). */
export async function newExecutionId(
	client: Json,
	workflowId: string,
	seen: Set<string>,
	{ timeoutMs = 60_000 } = {},
): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const fresh = ((await client.executions(workflowId)) as Json[]).find(
			(e) => !seen.has(String(e.id)),
		);
		if (fresh) {
			seen.add(String(fresh.id));
			return String(fresh.id);
		}
		if (Date.now() > deadline) throw new Error(`no new execution of ${workflowId}`);
		await sleep(300);
	}
}
