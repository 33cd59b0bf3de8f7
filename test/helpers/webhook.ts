import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { WebhookContext } from 'n8n-core';
import {
	Workflow,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type IWebhookData,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import type { Harness } from '../harness/run';

/** One execution the webhook would have started in n8n. */
export interface Execution {
	items: INodeExecutionData[];
}

/**
 * Serves a webhook trigger node on 127.0.0.1 the way n8n's webhook route does:
 * the body is read (raw bytes kept in `rawBody`, JSON parsed into `body`), the
 * node's `webhook()` runs in n8n-core's WebhookContext with the real request and
 * response, and an execution is recorded only when it returns workflow data.
 * The workflow's static data goes through JSON around every request, as when
 * n8n loads it from and saves it to its database.
 */
let servers = 0;

export class WebhookServer {
	readonly executions: Execution[] = [];
	/** A workflow id of its own, as each n8n workflow has (the trigger's in-memory checks are per workflow). */
	readonly workflowId = `wf-webhook-${++servers}`;
	readonly responses: Array<{ status: number; body: unknown }> = [];
	staticData: IDataObject = {};
	url = '';
	private server?: Server;

	constructor(
		private readonly harness: Harness,
		private readonly nodeType: INodeType,
		private readonly node: INode,
		private readonly mode: 'webhook' | 'manual' = 'webhook',
	) {}

	async start(): Promise<this> {
		this.server = createServer((req, res) => {
			void this.handle(req, res).catch((error: unknown) => {
				// n8n answers 500 and records a failed execution when webhook() throws.
				this.executions.push({ items: [{ json: { error: String(error) } }] });
				if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
				res.end(JSON.stringify({ message: 'Workflow could not be started!' }));
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhook/test-path`;
		return this;
	}

	async close(): Promise<void> {
		await new Promise<void>((resolve) =>
			this.server ? this.server.close(() => resolve()) : resolve(),
		);
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const raw = Buffer.concat(chunks);
		const request = req as IncomingMessage & { rawBody?: Buffer; body?: unknown };
		request.rawBody = raw;
		try {
			request.body = raw.length ? JSON.parse(raw.toString('utf8')) : {};
		} catch {
			request.body = {};
		}
		const original = res.writeHead.bind(res);
		let status = 200;
		res.writeHead = ((code: number, ...rest: unknown[]) => {
			status = code;
			return (original as (...args: unknown[]) => ServerResponse)(code, ...rest);
		}) as ServerResponse['writeHead'];

		const workflow = new Workflow({
			id: this.workflowId,
			nodes: [this.node],
			connections: {},
			nodeTypes: this.harness.nodeTypes,
			active: true,
			staticData: JSON.parse(JSON.stringify(this.staticData)) as IDataObject,
		});
		const additionalData = {
			...this.harness.additionalData,
			httpRequest: req,
			httpResponse: res,
		} as unknown as IWorkflowExecuteAdditionalData;
		const webhookData = {
			httpMethod: 'POST',
			node: this.node.name,
			path: 'test-path',
			webhookDescription: this.nodeType.description.webhooks![0],
			workflowId: this.workflowId,
		} as unknown as IWebhookData;
		const context = new WebhookContext(
			workflow,
			this.node,
			additionalData,
			this.mode,
			webhookData,
			[],
			null,
		);
		const result = await this.nodeType.webhook!.call(context);
		if (this.mode !== 'manual')
			this.staticData = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
		if (result.noWebhookResponse) {
			this.responses.push({ status, body: undefined });
			return;
		}
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.end(JSON.stringify(result.webhookResponse ?? { message: 'Workflow was started' }));
		this.responses.push({ status: 200, body: result.webhookResponse });
		if (result.workflowData) this.executions.push({ items: result.workflowData[0] ?? [] });
	}

	/** Output items of every execution, in the order they were started. */
	get events(): IDataObject[] {
		return this.executions.flatMap((execution) => execution.items.map((item) => item.json));
	}
}

/** Waits until the sandbox has no webhook delivery left to send (queued, held back or to be retried). */
export async function drained(pending: () => number, timeoutMs = 20_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (pending() > 0) {
		if (Date.now() > deadline)
			throw new Error(`webhook deliveries still pending after ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}
