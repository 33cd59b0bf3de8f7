// A whole queue-mode run, shared by `npm run demo -- --queue`, the queue suite and the queue bench:
// Postgres + Redis (installed when missing), the package built, packed and installed into one user folder,
// the sandbox, credentials and workflows imported into Postgres, then main + workers started together.
import ky from 'ky';
import { flattedParse, prepareRun } from '../demo/demo-run.mjs';
import { connect, waitForExecution } from '../n8n/n8n-rest.mjs';
import { activateWorkflow, queueEnv, startCluster, waitForWebhook } from './queue-n8n.mjs';
import { startServices } from './queue-services.mjs';
import { webhookPathOf } from './queue-workflows.mjs';
import { step } from '../common/progress.mjs';

/**
 * Everything up to a running cluster with an owner account. Returns prepareRun()'s context plus
 * { services, cluster, client, parse }.
 * @param {string} repoDir
 * @param {{ keep?: boolean, build?: boolean, examples?: object[], workers?: number, concurrency?: number, fastLockExpiry?: boolean }} [options]
 */
export async function prepareQueueRun(
	repoDir,
	{
		keep = false,
		build = process.env.E2E_BUILD !== '0',
		examples,
		workers = 2,
		concurrency = 5,
		fastLockExpiry = false,
	} = {},
) {
	const services = await startServices();
	const ctx = await prepareRun(repoDir, {
		keep,
		build,
		examples,
		env: (paths) => queueEnv(services, paths, { fastLockExpiry }),
	});
	const cluster = await step(
		`Starting n8n in queue mode: main + ${workers} worker${workers === 1 ? '' : 's'} (concurrency ${concurrency} each)`,
		async () => {
			const started = await startCluster(ctx.folder, { workers, concurrency });
			started.note = `main ${started.url} ready in ${(started.main.readyMs / 1000).toFixed(1)} s; ${started.workers.map((w) => `${w.name} ${(w.readyMs / 1000).toFixed(1)} s`).join(', ')}`;
			return started;
		},
	);
	const client = await step('Creating the owner account', async () =>
		Object.assign(await connect(cluster.url), { note: 'REST API ready' }),
	);
	return Object.assign(ctx, { services, cluster, client, parse: flattedParse(ctx.paths) });
}

/** Activates workflows on the running main and waits until their production webhooks answer. */
export async function publish(ctx, workflows) {
	for (const wf of workflows) await activateWorkflow(ctx.client, wf.id);
	for (const wf of workflows) {
		const path = webhookPathOf(wf);
		if (path) await waitForWebhook(ctx.cluster.url, path);
	}
}

/** POSTs a JSON body to a production webhook; resolves { status, body, ms } (never throws on an HTTP error). */
export async function postWebhook(ctx, path, json, { timeoutMs = 300_000 } = {}) {
	const t0 = Date.now();
	const res = await ky.post(`http://127.0.0.1:${ctx.cluster.main.port}/webhook/${path}`, {
		json,
		retry: 0,
		timeout: timeoutMs,
		throwHttpErrors: false,
	});
	const text = await res.text();
	/** @type {unknown} */
	let body = text;
	try {
		body = text ? JSON.parse(text) : undefined;
	} catch {
		/* not JSON: keep the text */
	}
	return { status: res.status, body, ms: Date.now() - t0 };
}

/** Every execution of a workflow (newest first, without data). */
export async function executionsOf(ctx, workflowId) {
	return await ctx.client.executions(workflowId);
}

/** One execution with its run data, once finished. */
export async function finishedExecution(ctx, id, timeoutMs = 180_000) {
	return await waitForExecution(ctx.client, id, ctx.parse, { timeoutMs });
}

/** Executions per worker name, from the workers' logs: { worker1: n, worker2: m }. */
export function executionsPerWorker(ctx, ids) {
	const counts = {};
	for (const w of [...ctx.cluster.workers, ...ctx.cluster.retired]) counts[w.name] = 0;
	for (const id of ids) for (const name of ctx.cluster.whoRan(id)) counts[name]++;
	return counts;
}

/** Stops n8n first (main and workers), then the sandbox, Redis and Postgres. */
export async function stopQueueRun(ctx) {
	if (!ctx) return;
	await ctx.cluster?.stop().catch(() => {});
	await ctx.sandbox?.stop().catch(() => {});
	await ctx.services?.stop().catch(() => {});
}
