/**
 * A person approves an AI Agent's purchase above a limit, in a real n8n (`n8n start`): the purchase tool
 * for more than 10 USD sits behind n8n's human review for tools (the Send Email node's Send and Wait as a
 * tool gate, see helpers/review.ts). The model is the sandbox's scripted chat endpoint; the approval email
 * goes out through the local SMTP sink and is answered by following its link, as a person would.
 * Asserts on the sandbox's ledger and request log and on n8n's execution (status, run data).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import ky from 'ky';

import { flattedParse, prepareRun } from '../scripts/lib/demo/demo-run.mjs';
import { startSmtpSink } from '../scripts/lib/demo/smtp-sink.mjs';
import { importJson, startN8n } from '../scripts/lib/n8n/n8n-cli.mjs';
import { N8N_VERSION } from '../scripts/lib/n8n/n8n-install.mjs';
import { connect } from '../scripts/lib/n8n/n8n-rest.mjs';
import { activateWorkflow, waitForWebhook } from '../scripts/lib/queue/queue-n8n.mjs';
import { cleanupNow, stopAll } from '../scripts/lib/common/processes.mjs';
import { setQuiet } from '../scripts/lib/common/progress.mjs';
import type { Json } from './helpers/expectations';
import {
	BROWSER_UA,
	DIRECT_TOOL,
	GATE,
	GATED_TOOL,
	OPENAI,
	OPS_EMAIL,
	REVIEW_PATH,
	REVIEW_WORKFLOW_ID,
	emailButtons,
	newExecutionId,
	pollExecution,
	reviewWorkflow,
} from './helpers/review';

const repoDir = fileURLToPath(new URL('..', import.meta.url));
const FINISHED = (status: string): boolean => !['new', 'running', 'waiting'].includes(status);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

let ctx: Json;
let smtp: Json;
let server: Json;
let client: Json;
let parse: (s: string) => unknown;
const seen = new Set<string>();

const tradeOrders = async (): Promise<Json[]> =>
	(
		await ctx.sandbox.admin.requests({
			provider: 'trade',
			method: 'POST',
			path: '/api/v1/portal/order',
		})
	).entries;
const ledger = async (): Promise<Array<[string, number]>> =>
	((await ctx.sandbox.admin.trade.ledger()) as Json[]).map((e) => [e.type, e.cents]);
/** What the model received as tool answers, from the chat requests the sandbox logged. */
async function toolMessages(): Promise<string[]> {
	const { entries } = await ctx.sandbox.admin.requests({ path: '/openai/v1/chat/completions' });
	return (entries as Json[]).flatMap((e) =>
		(e.body?.messages ?? [])
			.filter((m: Json) => m.role === 'tool')
			.map((m: Json) => String(m.content)),
	);
}
const runData = (execution: Json): Json => execution.data.resultData.runData;
const agentOutput = (execution: Json): string =>
	String(runData(execution)['AI Agent']?.at(-1)?.data?.main?.[0]?.[0]?.json?.output ?? '');

/** Sends the agent one request through the production webhook; resolves the new execution's id. */
async function ask(request: string): Promise<string> {
	const res = await ky.post(`http://127.0.0.1:${server.port}/webhook/${REVIEW_PATH}`, {
		json: { request },
		retry: 0,
		timeout: 30_000,
	});
	expect(res.status).toBe(200);
	return await newExecutionId(client, REVIEW_WORKFLOW_ID, seen);
}

/** Follows a link from the email as a browser does (GET); resolves the status and the page's title. */
async function follow(
	url: string,
	userAgent = BROWSER_UA,
): Promise<{ status: number; page: string }> {
	const res = await ky.get(url, {
		headers: { 'user-agent': userAgent },
		retry: 0,
		timeout: 30_000,
		throwHttpErrors: false,
	});
	const html = await res.text();
	return { status: res.status, page: /<h1>([^<]*)<\/h1>/.exec(html)?.[1] ?? html.slice(0, 80) };
}

/** Asks for 5 eSIMs (12.50 USD) through the gated tool; resolves once the execution waits, with its email. */
async function askAboveLimit(): Promise<{ executionId: string; mail: Json }> {
	const mailsBefore = smtp.messages.length;
	const executionId = await ask(
		'Buy 5 Spain eSIMs for a tour group. CALL Buy_eSIM_with_approval {"toolParameters":{"quantity":5},"hitlParameters":{}}',
	);
	const waiting = await pollExecution(
		client,
		executionId,
		parse,
		(s) => s !== 'running' && s !== 'new',
	);
	expect(waiting.status).toBe('waiting');
	await smtp.waitFor(mailsBefore + 1);
	expect(smtp.messages).toHaveLength(mailsBefore + 1);
	return { executionId, mail: smtp.messages[mailsBefore] };
}

beforeAll(async () => {
	setQuiet(process.env.E2E_VERBOSE !== '1');
	smtp = await startSmtpSink();
	ctx = await prepareRun(repoDir, { examples: [reviewWorkflow()] });
	await importJson(
		ctx.folder,
		'credentials',
		[
			{
				...OPENAI,
				type: 'openAiApi',
				data: { apiKey: 'sk-sandbox', url: `${ctx.sandbox.url}/openai/v1` },
			},
			smtp.credential,
		],
		'review-credentials.json',
	);
	server = await startN8n(ctx.folder, { timeoutMs: 300_000 });
	client = await connect(server.url);
	parse = flattedParse(ctx.paths);
	await activateWorkflow(client, REVIEW_WORKFLOW_ID);
	await waitForWebhook(server.url, REVIEW_PATH);
});

afterAll(async () => {
	await server?.stop().catch(() => {});
	await stopAll();
	cleanupNow();
});

describe(`AI Agent purchase above 10 USD behind a person's approval (real n8n ${N8N_VERSION}, n8n start)`, () => {
	it('waits for the approval email, ignores a link preview, and buys once after Approve', async () => {
		await ctx.sandbox.admin.reset();
		const { executionId, mail } = await askAboveLimit();
		expect(mail.to).toEqual([OPS_EMAIL]);
		expect(mail.subject).toBe('An AI Agent wants to buy eSIMs');
		expect(mail.html).toContain('Buy_eSIM_with_approval');
		expect(mail.html).toMatch(/&quot;quantity&quot;:5|"quantity":5/);
		const buttons = emailButtons(mail.html);
		expect(Object.keys(buttons).sort()).toEqual(['Approve', 'Decline']);
		expect(buttons.Approve).toContain(`/webhook-waiting/${executionId}/`);
		expect(buttons.Approve).toContain('approved=true');
		// Nothing is bought while the execution waits.
		expect(await tradeOrders()).toHaveLength(0);
		expect(await ledger()).toEqual([]);

		// A mail scanner's link preview does not approve.
		const preview = await follow(
			buttons.Approve,
			'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
		);
		expect(preview).toEqual({ status: 200, page: '' });
		await sleep(1500);
		expect((await client.execution(executionId, parse)).status).toBe('waiting');
		expect(await tradeOrders()).toHaveLength(0);

		expect(await follow(buttons.Approve)).toEqual({ status: 200, page: 'Got it, thanks' });
		const done = await pollExecution(client, executionId, parse, FINISHED);
		expect(done.status).toBe('success');
		const gate = runData(done)[GATE];
		expect(gate).toHaveLength(1);
		expect(gate[0].data.ai_tool[0][0].json).toMatchObject({ data: { approved: true } });
		const buys = runData(done)[GATED_TOOL];
		expect(buys).toHaveLength(1);
		expect(buys[0].executionStatus).toBe('success');
		const order = buys[0].data.ai_tool[0][0].json;
		expect(order).toMatchObject({ slug: 'ES_3_30', quantity: 5, replayed: false });
		expect(runData(done)[DIRECT_TOOL]).toBeUndefined();
		expect(await tradeOrders()).toHaveLength(1);
		expect(await ledger()).toEqual([['debit', -1250]]);
		expect(agentOutput(done)).toContain(String(order.orderNo));

		// A second click on the same link buys nothing more.
		expect(await follow(buttons.Approve)).toEqual({ status: 200, page: 'No action required' });
		await sleep(1500);
		expect(await tradeOrders()).toHaveLength(1);
		expect(await ledger()).toEqual([['debit', -1250]]);
	});

	it('buys nothing after Decline, and the model is told the person refused', async () => {
		await ctx.sandbox.admin.reset();
		const { executionId, mail } = await askAboveLimit();
		const buttons = emailButtons(mail.html);
		expect(buttons.Decline).toContain('approved=false');
		expect(await follow(buttons.Decline)).toEqual({ status: 200, page: 'Got it, thanks' });
		const done = await pollExecution(client, executionId, parse, FINISHED);
		expect(done.status).toBe('success');
		expect(runData(done)[GATE][0].data.ai_tool[0][0].json).toMatchObject({
			data: { approved: false },
		});
		expect(runData(done)[GATED_TOOL]).toBeUndefined();
		expect(await tradeOrders()).toHaveLength(0);
		expect(await ledger()).toEqual([]);
		const told = await toolMessages();
		expect(told).toHaveLength(1);
		expect(told[0]).toContain(`User rejected the tool call to ${GATED_TOOL}`);
		expect(agentOutput(done)).toContain('User rejected');
	});

	it('buys within 10 USD at once, with no email and no wait', async () => {
		await ctx.sandbox.admin.reset();
		const mailsBefore = smtp.messages.length;
		const executionId = await ask('Buy 2 Spain eSIMs for Alice. CALL Buy_eSIM {"quantity":2}');
		const done = await pollExecution(client, executionId, parse, FINISHED);
		expect(done.status).toBe('success');
		expect(runData(done)[DIRECT_TOOL][0].executionStatus).toBe('success');
		expect(runData(done)[GATE]).toBeUndefined();
		expect(await ledger()).toEqual([['debit', -500]]);
		expect(smtp.messages).toHaveLength(mailsBefore);
	});
});
