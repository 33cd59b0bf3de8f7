/**
 * `npm run bench:queue`: 1,000 eSIMTrade purchases through n8n's queue mode (Postgres, Redis, main +
 * workers, the package installed from its tarball) with 1 worker, then 2 workers, against a sandbox that
 * adds 80 ms to every request and keeps its 10 requests/s limit per key. Baselines: the rate floor and the
 * same 1,000 purchases in one process (the node through n8n-core's WorkflowExecute, same sandbox settings).
 * Prints the table and writes bench/QUEUE-RESULTS.md.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { runChild } from './lib/child';
import { load, machine } from './lib/machine';
import { buildDist } from './lib/ours';
import { fmt, plainTable, table, type Row } from './lib/report';
import { LIMIT } from './scenarios/rateLimit';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = Record<string, any>;

const PURCHASES = Number(process.env.BENCH_QUEUE_PURCHASES ?? 1000);
const BATCH = 50;
const LATENCY_MS = 80;
const PLAN = 'ES_3_30';
const repoDir = join(__dirname, '..');

/** The queue-mode stack of scripts/lib (plain ES modules, shared with the demo and the queue suite). */
const lib = async (name: string): Promise<Json> =>
	(await import(join(repoDir, 'scripts', 'lib', name))) as Json;

interface Measured {
	ms: number;
	orders: number;
	debits: number;
	failed: number;
	rejected429: number;
	posts: number;
	errors: string[];
	perWorker?: Record<string, number>;
}

let postWebhook: (
	ctx: Json,
	path: string,
	json: unknown,
	opts?: Json,
) => Promise<{ status: number; body: unknown; ms: number }>;

async function freshSandbox(ctx: Json): Promise<void> {
	await ctx.sandbox.admin.reset();
	await ctx.sandbox.admin.faults({ latencyMs: LATENCY_MS, rateLimit: LIMIT });
}

async function ledger(
	ctx: Json,
	t0: number,
	errors: string[],
	perWorker?: Record<string, number>,
): Promise<Measured> {
	const ms = Date.now() - t0;
	const orders = ((await ctx.sandbox.admin.trade.orders()) as Json[]).length;
	const debits = ((await ctx.sandbox.admin.trade.ledger()) as Json[]).filter(
		(e) => e.type === 'debit',
	).length;
	const posts = (await ctx.sandbox.admin.requests({ method: 'POST', path: '/api/v1/portal/order' }))
		.entries as Json[];
	return {
		ms,
		orders,
		debits,
		failed: PURCHASES - orders,
		rejected429: posts.filter((e) => e.status === 429).length,
		posts: posts.length,
		errors,
		perWorker,
	};
}

/** The 1,000 purchases as batches of 50 webhook calls, all posted at once. */
async function throughQueue(ctx: Json, path: string, label: string): Promise<Measured> {
	await freshSandbox(ctx);
	const before = new Map(ctx.cluster.workers.map((w: Json) => [w.name, w.started.size]));
	const batches = Array.from({ length: Math.ceil(PURCHASES / BATCH) }, (_, b) =>
		Array.from({ length: Math.min(BATCH, PURCHASES - b * BATCH) }, (_, i) => ({
			plan: PLAN,
			key: `${label.replace(/\W+/g, '-')}-${b * BATCH + i}`,
		})),
	);
	const t0 = Date.now();
	const answers = await Promise.all(
		batches.map((purchases: Json[]) =>
			postWebhook(ctx, path, { purchases }, { timeoutMs: 900_000 }),
		),
	);
	const errors = answers
		.filter((a) => a.status !== 200)
		.map((a) => `${a.status} ${JSON.stringify(a.body).slice(0, 160)}`);
	if (errors.length) {
		// What n8n recorded for one failed execution: the node and its message.
		const list = await ctx.client.get('executions', {
			filter: JSON.stringify({ workflowId: ctx.workflows[0].id }),
			limit: 1,
		});
		const [latest] = (list.data.results ?? list.data) as Json[];
		if (latest) {
			const ex = await ctx.client.execution(latest.id, ctx.parse);
			const error = ex.data?.resultData?.error;
			errors.unshift(
				`execution ${latest.id}: ${error?.node?.name ?? ex.data?.resultData?.lastNodeExecuted ?? '?'}: ${error?.message ?? ex.status}`,
			);
		}
	}
	const perWorker = Object.fromEntries(
		ctx.cluster.workers.map((w: Json) => [
			w.name,
			w.started.size - ((before.get(w.name) as number) ?? 0),
		]),
	);
	const result = await ledger(ctx, t0, errors, perWorker);
	process.stdout.write(
		`  ${label}: ${fmt.ms(result.ms)}, ${result.orders} bought, ${result.rejected429} × 429, executions ${JSON.stringify(perWorker)}\n`,
	);
	return result;
}

async function singleProcess(ctx: Json): Promise<Measured> {
	await freshSandbox(ctx);
	const t0 = Date.now();
	const child = await runChild<{ ms: number; status: string; ok: number; error?: string }>(
		'scenarios/purchases.child.ts',
		['node', ctx.sandbox.tradeBaseUrl, String(PURCHASES)],
	);
	const result = await ledger(ctx, t0, child.error ? [child.error] : []);
	result.ms = child.ms;
	process.stdout.write(
		`  one process: ${fmt.ms(result.ms)}, ${result.orders} bought, ${result.rejected429} × 429\n`,
	);
	return result;
}

async function main(): Promise<void> {
	process.stdout.write('Compiling the package for the single-process baseline (bench/.out/dist)\n');
	buildDist();
	const setup = machine();
	const loadBefore = load();
	const started = Date.now();
	const { cleanupNow, stopAll } = await lib('processes.mjs');
	const run = await lib('queue-run.mjs');
	const { tradeBatchWorkflow, webhookPathOf } = await lib('queue-workflows.mjs');
	postWebhook = run.postWebhook;
	const { prepareQueueRun, publish, stopQueueRun } = run;
	const wf = tradeBatchWorkflow();
	const path = webhookPathOf(wf) as string;
	const ctx: Json = await prepareQueueRun(repoDir, { examples: [wf], workers: 1 });
	let one: Measured, two: Measured, single: Measured;
	try {
		await publish(ctx, [wf]);
		single = await singleProcess(ctx);
		one = await throughQueue(ctx, path, 'queue, 1 worker');
		await ctx.cluster.addWorker();
		two = await throughQueue(ctx, path, 'queue, 2 workers');
	} finally {
		await stopQueueRun(ctx);
		await stopAll();
		cleanupNow();
	}
	const perSecond = (LIMIT.limit * 1000) / LIMIT.windowMs;
	const floor = (PURCHASES / perSecond) * 1000;
	const scenario = `Queue mode: ${PURCHASES.toLocaleString('en')} purchases, ${LATENCY_MS} ms latency, ${perSecond} req/s per key`;
	const rows: Row[] = [];
	for (const [label, m] of [
		['1 worker', one],
		['2 workers', two],
	] as const) {
		rows.push({
			scenario,
			metric: `wall time, ${label}`,
			ours: fmt.ms(m.ms),
			baseline: `rate floor ${PURCHASES} ÷ ${perSecond}/s`,
			theirs: fmt.ms(floor),
			ratio: m.ms / floor,
			target: 1.1,
		});
		rows.push({
			scenario,
			metric: `wall time, ${label}`,
			ours: fmt.ms(m.ms),
			baseline: 'one process (n8n-core)',
			theirs: fmt.ms(single.ms),
			ratio: m.ms / single.ms,
		});
		rows.push({
			scenario,
			metric: `failed purchases, ${label}`,
			ours: String(m.failed),
			baseline: 'one process (n8n-core)',
			theirs: String(single.failed),
			goal: {
				text: 'zero failures, one order and one debit per purchase',
				met: m.failed === 0 && m.orders === PURCHASES && m.debits === PURCHASES && !m.errors.length,
			},
		});
	}
	const line = (label: string, m: Measured): string =>
		`- ${label}: ${fmt.ms(m.ms)} (${((PURCHASES / m.ms) * 1000).toFixed(2)} purchases/s); ledger ${m.orders} orders / ${m.debits} debits, ${m.failed} failed; ${m.posts} POSTs of which ${m.rejected429} answered 429${m.perWorker ? `; executions per worker ${JSON.stringify(m.perWorker)}` : ''}${m.errors.length ? `; errors: ${m.errors.slice(0, 3).join(' | ')}` : ''}.`;
	process.stdout.write(`\n${plainTable(rows)}\n\n`);
	const text = [
		'# Queue-mode benchmark',
		'',
		'Produced by `npm run bench:queue` (bench/queue.ts): n8n 2.40.7 in queue mode (Postgres, Redis, main + workers, the package installed from its tarball) against the sandbox, in one run. Ratios are ours ÷ baseline: lower is better.',
		'',
		...setup,
		`- Load average (1/5/15 min) at start ${loadBefore}, at the end ${load()}; the bench took ${((Date.now() - started) / 60_000).toFixed(1)} min.`,
		'',
		table(rows),
		'',
		`The ${PURCHASES} purchases go in as ${Math.ceil(PURCHASES / BATCH)} webhook calls of ${BATCH} (Webhook → one item per purchase → eSIMTrade Order: Create, no wait for fulfilment), all posted at once; main queues them in Redis and the workers (concurrency 5 each) run them. The sandbox adds ${LATENCY_MS} ms to every provider request and limits each key to ${LIMIT.limit} requests per ${LIMIT.windowMs / 1000} s (429 + Retry-After). The limit is per key, not per worker, so a second worker cannot make the run faster than the floor; what it must not do is cause failures.`,
		'',
		line('one process (n8n-core WorkflowExecute, 1,000 items in one run)', single),
		line('queue mode, 1 worker', one),
		line('queue mode, 2 workers', two),
		'',
	].join('\n');
	writeFileSync(join(__dirname, 'QUEUE-RESULTS.md'), text);
	process.stdout.write('Wrote bench/QUEUE-RESULTS.md\n');
}

main().catch((error) => {
	process.stderr.write(
		`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
	);
	if ((error as Json)?.details) process.stderr.write(`${(error as Json).details}\n`);
	process.exit(1);
});
