// `npm run demo -- --queue`: the examples in n8n's queue mode. Each example is started by a production
// webhook on main, a worker runs it, and the demo prints which worker (from the workers' own logs).
import { prepareSandboxScenario } from '../demo/demo-run.mjs';
import { EXAMPLE_IDS, loadExamples, manualTriggerName } from '../demo/examples.mjs';
import { StepError, info, step } from '../common/progress.mjs';
import {
	executionsOf,
	finishedExecution,
	postWebhook,
	prepareQueueRun,
	publish,
} from './queue-run.mjs';
import { webhookPathOf, webhookStarted } from './queue-workflows.mjs';

/** Prepares the queue-mode run with every runnable example started by a webhook, published on main. */
export async function prepareQueueDemo(repoDir, { keep = false } = {}) {
	const examples = loadExamples(repoDir).map((entry) => webhookStarted(entry.workflow));
	const ctx = await prepareQueueRun(repoDir, { keep, examples });
	const started = ctx.workflows.filter((wf) => webhookPathOf(wf));
	await prepareSandboxScenario(ctx);
	await step(`Publishing ${started.length} webhook-started example(s) on main`, async () => {
		await publish(ctx, started);
		return { note: started.map((wf) => `POST /webhook/${webhookPathOf(wf)}`).join(', ') };
	});
	return ctx;
}

/** Waits for the execution a webhook call started (the newest one after `before`) and returns it. */
async function executionAfter(ctx, workflowId, before) {
	const deadline = Date.now() + 30_000;
	for (;;) {
		const fresh = (await executionsOf(ctx, workflowId)).filter((ex) => !before.has(String(ex.id)));
		if (fresh.length) return await finishedExecution(ctx, fresh[0].id);
		if (Date.now() > deadline) throw new Error(`no execution of ${workflowId} showed up`);
		await new Promise((r) => setTimeout(r, 300));
	}
}

/** Runs every webhook-started example once, in the order the examples depend on; prints who ran what. */
export async function runExamplesQueue(ctx) {
	const order = [EXAMPLE_IDS.shopify, EXAMPLE_IDS.topUp, EXAMPLE_IDS.export];
	const byId = {};
	const ran = [];
	for (const id of order) {
		const wf = ctx.workflows.find((w) => w.id === id);
		if (!wf) continue;
		const path = webhookPathOf(wf);
		if (!path) continue;
		byId[id] = await step(
			`Running "${wf.name}" (POST /webhook/${path} on main → a worker)`,
			async () => {
				const before = new Set((await executionsOf(ctx, id)).map((ex) => String(ex.id)));
				const res = await postWebhook(ctx, path, {});
				const execution = await executionAfter(ctx, id, before);
				if (execution.status !== 'success') {
					const error = execution.data?.resultData?.error;
					throw new StepError(
						`"${wf.name}" ended with status "${execution.status}": ${error?.message ?? `HTTP ${res.status}`}`,
						error?.description,
					);
				}
				const workers = ctx.cluster.whoRan(execution.id);
				ran.push({ name: wf.name, id: execution.id, workers, ms: res.ms });
				return Object.assign(execution, {
					note: `execution ${execution.id} ran on ${workers.join(', ') || 'an unknown worker'}`,
				});
			},
		);
	}
	for (const wf of ctx.workflows.filter((w) => !manualTriggerName(w) && !webhookPathOf(w))) {
		info(
			`· "${wf.name}" starts from a polling trigger: imported, not run here (publish it under --queue --ui; main polls, a worker runs)`,
		);
	}
	return {
		shopify: byId[EXAMPLE_IDS.shopify],
		exported: byId[EXAMPLE_IDS.export],
		topUp: byId[EXAMPLE_IDS.topUp],
		byId,
		fixture: ctx.fixture,
		ran,
	};
}

/** The "who ran what" lines of the summary. */
export function workerLines(ctx, results) {
	const lines = results.ran.map(
		(r) =>
			`${r.workers.join(', ') || '?'} ran execution ${r.id}: "${r.name}" (${(r.ms / 1000).toFixed(1)} s from webhook to answer)`,
	);
	const counts = ctx.cluster.workers.map((w) => `${w.name} ${w.started.size}`).join(', ');
	lines.push(
		`Executions started per worker (from their logs): ${counts}. Postgres :${ctx.services.postgres.port}, Redis :${ctx.services.redis.port}.`,
	);
	return lines;
}
