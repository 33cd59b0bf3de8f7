/**
 * The order-status alerts example published under `n8n start`: the eSIMTrade Trigger must fire exactly
 * once for one status change at the provider. Shared by the pinned n8n's suite and the version smoke suite.
 */
import { expect } from '@jest/globals';

import { flattedParse } from '../../scripts/lib/demo/demo-run.mjs';
import { EXAMPLE_IDS } from '../../scripts/lib/demo/examples.mjs';
import { importJson, publishWorkflow, startN8n } from '../../scripts/lib/n8n/n8n-cli.mjs';
import { connect, waitForExecution } from '../../scripts/lib/n8n/n8n-rest.mjs';
import type { Json } from './expectations';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Publishes the alerts example with a one-minute poll (the example polls every 5 minutes), starts n8n,
 * waits for the activation poll (no execution: Emit Existing is off), changes one order's status at the
 * sandbox, and checks that the next poll stores one successful trigger execution reporting it — and,
 * after one more poll, still only that one. Resolves { execution, startLog }.
 */
export async function triggerFiresOnceOnStatusChange(
	ctx: Json,
	{ triggerType = 'esimTradeTrigger' } = {},
): Promise<Json> {
	const workflow = structuredClone(ctx.workflows.find((wf: Json) => wf.id === EXAMPLE_IDS.alerts));
	const trigger = workflow.nodes.find((n: Json) => n.type.endsWith(`.${triggerType}`));
	trigger.parameters.pollTimes = { item: [{ mode: 'everyMinute' }] };
	await importJson(ctx.folder, 'workflow', [workflow], 'alerts.json');
	await publishWorkflow(ctx.folder, workflow.id);

	const listPath = '/api/v1/reseller/orders';
	const polls = async (): Promise<number> =>
		(await ctx.sandbox.admin.requests({ provider: 'trade', path: listPath })).count;
	/** Waits until the trigger has listed the orders again (a new poll), up to `ms`. */
	const nextPoll = async (after: number, ms: number): Promise<number> => {
		const deadline = Date.now() + ms;
		while ((await polls()) === after && Date.now() < deadline) await sleep(250);
		return polls();
	};
	const pollsBefore = await polls();
	const server = await startN8n(ctx.folder);
	try {
		// The activation poll only records the current orders. n8n 1.x activates a few seconds after readiness.
		const afterActivation = await nextPoll(pollsBefore, 120_000);
		expect(afterActivation).toBeGreaterThan(pollsBefore);
		const client = await connect(server.url);
		expect(await client.executions(workflow.id)).toHaveLength(0);

		// The newest issued order (a suite may have left failed ones on top).
		const order = ((await ctx.sandbox.admin.trade.orders()) as Json[]).find(
			(o) => o.status === 'got_resource',
		)!;
		expect(order).toBeDefined();
		await ctx.sandbox.admin.trade.setStatus(order.orderNo, 'in_use');

		// The next scheduled poll (at the next minute boundary) reports the change.
		let executions: Json[] = [];
		const until = Date.now() + 150_000;
		while (!executions.length && Date.now() < until) {
			await sleep(1000);
			executions = await client.executions(workflow.id);
		}
		expect(executions).toHaveLength(1);
		const execution = await waitForExecution(client, executions[0].id, flattedParse(ctx.paths));
		expect(execution.mode).toBe('trigger');
		expect(execution.status).toBe('success');
		const alerts = (execution.data.resultData.runData['Alert text'][0].data.main[0] as Json[]).map(
			(i) => i.json,
		);
		expect(alerts).toEqual([
			expect.objectContaining({
				orderNo: order.orderNo,
				status: 'in_use',
				text: expect.stringContaining('got_resource → in_use'),
			}),
		]);

		// One more poll with no change: still exactly one execution (the change is not reported twice).
		const seen = await polls();
		expect(await nextPoll(seen, 75_000)).toBeGreaterThan(seen);
		await sleep(2000);
		expect(await client.executions(workflow.id)).toHaveLength(1);
		return { execution, startLog: server.log() };
	} catch (error) {
		// What n8n itself said is the quickest way to the cause (activation errors, node load errors).
		const tail = String(server.log() ?? '')
			.trim()
			.split('\n')
			.slice(-40)
			.join('\n');
		if (error instanceof Error) error.message += `\n--- n8n start log (last 40 lines) ---\n${tail}`;
		throw error;
	} finally {
		await server.stop();
	}
}
