/**
 * The eSIMTrade Trigger published on main in queue mode while the sandbox makes status changes and main is
 * restarted twice: every change must be reported exactly once. Main polls and saves the trigger's state
 * (static data) in Postgres; the workers run the executions the polls start.
 */
import { activateWorkflow } from '../../scripts/lib/queue/queue-n8n.mjs';
import { until } from './crash';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = Record<string, any>;

/** n8n's durable scheduler for poll triggers, and durable poll cursors (off by default in n8n 2.40). */
export const DURABLE_ENV = {
	N8N_SCHEDULER_ENABLED: 'true',
	N8N_SCHEDULER_POLL_TRIGGERS_ENABLED: 'true',
	N8N_POLLER_DURABLE_CURSORS_ENABLED: 'true',
	// Durable cursors also need the workflow publication service (n8n logs so otherwise).
	N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'true',
};

const ORDERS_PATH = '/api/v1/reseller/orders';

/** Every (order, new status) the workflow's executions reported, from their run data. */
async function reported(
	ctx: Json,
	workflowId: string,
): Promise<{ executions: Json[]; events: string[] }> {
	const list = (
		await ctx.client.get('executions', { filter: JSON.stringify({ workflowId }), limit: 500 })
	).data;
	const executions = (list.results ?? list) as Json[];
	const events: string[] = [];
	const settled: Json[] = [];
	for (const summary of executions) {
		const ex = await ctx.client.execution(summary.id, ctx.parse);
		settled.push({ id: ex.id, status: ex.status, workers: ctx.cluster.whoRan(ex.id) });
		const runs = ex.data?.resultData?.runData?.['eSIMTrade Trigger'] ?? [];
		for (const run of runs)
			for (const item of run.data?.main?.[0] ?? [])
				events.push(`${item.json.providerOrderNo}:${item.json.status}`);
	}
	return { executions: settled, events };
}

/** Changes the status of each order, `perSecond` at a time. */
async function changeStatuses(
	ctx: Json,
	orderNos: string[],
	status: string,
	perSecond = 50,
): Promise<void> {
	for (let i = 0; i < orderNos.length; i += perSecond) {
		const t0 = Date.now();
		await Promise.all(
			orderNos.slice(i, i + perSecond).map((no) => ctx.sandbox.admin.trade.setStatus(no, status)),
		);
		await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (Date.now() - t0))));
	}
}

export interface TriggerResult {
	changes: number;
	reported: number;
	missed: number;
	repeated: number;
	executions: number;
	executionsPerWorker: Record<string, number>;
	restarts: Array<{ stopMs: number; readyMs: number }>;
	staticDataInPostgres: boolean;
	stateIn: string;
	seconds: number;
}

/**
 * Seeds `changes` orders, publishes the (not yet published) trigger workflow (the activation poll records them),
 * then changes every order's status once: a third with main up, a third during restart 1, a third during
 * restart 2. Waits until everything is reported and one more poll has found nothing new.
 * `durable` restarts main and the workers with DURABLE_ENV first (and without it afterwards).
 */
export async function runTriggerScenario(
	ctx: Json,
	trigger: Json,
	{ changes, durable }: { changes: number; durable: boolean },
): Promise<TriggerResult> {
	const t0 = Date.now();
	const workflowId = trigger.id;
	if (durable) await restartAll(ctx, DURABLE_ENV);
	const before = new Set(
		((await ctx.sandbox.admin.trade.orders()) as Json[]).map((o) => o.orderNo),
	);
	await ctx.sandbox.admin.trade.seedOrders(changes, { status: 'got_resource' });
	const seeded = ((await ctx.sandbox.admin.trade.orders()) as Json[])
		.filter((o) => !before.has(o.orderNo))
		.map((o) => o.orderNo as string);
	if (seeded.length !== changes)
		throw new Error(`seeded ${seeded.length} orders, wanted ${changes}`);

	const polls = async (): Promise<number> =>
		(await ctx.sandbox.admin.requests({ provider: 'trade', path: ORDERS_PATH })).count;
	const staticData = async (): Promise<string> =>
		ctx.services.postgres.query(
			`select coalesce("staticData"::text, '') from workflow_entity where id = '${workflowId}'`,
		);
	const pollsBefore = await polls();
	await activateWorkflow(ctx.client, workflowId);
	// Durable cursors keep the trigger's state in the table poller_state instead of the workflow's static data.
	const cursorRows = async (): Promise<number> =>
		Number(await ctx.services.postgres.query(`select count(*) from poller_state`).catch(() => '0'));
	const saved = async (): Promise<boolean> =>
		(await staticData()).length > 2 || (durable && (await cursorRows()) > 0);
	await until(
		async () => (await polls()) > pollsBefore && (await saved()),
		240_000,
		'the activation poll saving its state',
	);
	const staticDataInPostgres = (await staticData()).length > 2;
	// With durable cursors the workflow's static data holds only the activation baseline's copy.
	const stateIn =
		durable && (await cursorRows()) > 0
			? 'poller_state'
			: staticDataInPostgres
				? 'workflow_entity.staticData'
				: 'nowhere seen';

	const thirds = [
		seeded.slice(0, Math.floor(changes / 3)),
		seeded.slice(Math.floor(changes / 3), Math.floor((2 * changes) / 3)),
		seeded.slice(Math.floor((2 * changes) / 3)),
	];
	await changeStatuses(ctx, thirds[0]!, 'in_use');
	const restarts = [];
	for (const part of thirds.slice(1)) {
		const [restart] = await Promise.all([
			ctx.cluster.restartMain(),
			changeStatuses(ctx, part, 'in_use', Math.ceil(part.length / 8)),
		]);
		restarts.push(restart);
	}

	const want = new Set(seeded.map((no) => `${no}:in_use`));
	let seen = await reported(ctx, workflowId);
	const deadline = Date.now() + 180_000;
	while ([...want].some((e) => !seen.events.includes(e)) && Date.now() < deadline) {
		await new Promise((r) => setTimeout(r, 3000));
		seen = await reported(ctx, workflowId);
	}
	// One more poll after the last report: it must find nothing new (a repeat would show up here).
	const last = await polls();
	await until(async () => (await polls()) > last, 90_000, 'one more scheduled poll');
	await new Promise((r) => setTimeout(r, 5000));
	seen = await reported(ctx, workflowId);

	await ctx.client.post(`workflows/${workflowId}/deactivate`, {});
	if (durable)
		await restartAll(ctx, Object.fromEntries(Object.keys(DURABLE_ENV).map((k) => [k, 'false'])));
	const mine = seen.events.filter((e) => want.has(e));
	const counts = new Map<string, number>();
	for (const e of mine) counts.set(e, (counts.get(e) ?? 0) + 1);
	const perWorker: Record<string, number> = {};
	for (const ex of seen.executions)
		for (const w of ex.workers) perWorker[w] = (perWorker[w] ?? 0) + 1;
	return {
		changes,
		reported: mine.length,
		missed: [...want].filter((e) => !counts.has(e)).length,
		repeated: [...counts.values()].reduce((n, c) => n + c - 1, 0),
		executions: seen.executions.length,
		executionsPerWorker: perWorker,
		restarts,
		staticDataInPostgres,
		stateIn,
		seconds: Math.round((Date.now() - t0) / 1000),
	};
}

/** Restarts main and every worker with `env` added to the shared environment. */
async function restartAll(ctx: Json, env: Record<string, string>): Promise<void> {
	Object.assign(ctx.folder.env, env);
	const names = ctx.cluster.workers.map((w: Json) => w.name);
	await Promise.all(ctx.cluster.workers.map((w: Json) => w.stop()));
	ctx.cluster.retired.push(...ctx.cluster.workers);
	ctx.cluster.workers = [];
	await Promise.all([
		ctx.cluster.restartMain(),
		...names.map((n: string) =>
			ctx.cluster.addWorker(`${n}-${env.N8N_SCHEDULER_ENABLED === 'true' ? 'durable' : 'default'}`),
		),
	]);
}
