/**
 * A worker killed (SIGKILL) while it is buying: which worker ran the execution, what n8n shows for it and
 * after how long, and what the webhook caller got.
 */
import { finishedExecution, postWebhook } from '../../scripts/lib/queue/queue-run.mjs';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = Record<string, any>;

export async function until(
	probe: () => Promise<boolean>,
	timeoutMs: number,
	what: string,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await probe())) {
		if (Date.now() > deadline) throw new Error(`${what}: not after ${timeoutMs / 1000} s`);
		await new Promise((r) => setTimeout(r, 200));
	}
}

export interface Crash {
	worker: string;
	executionId: string;
	execution: Json;
	/** From the SIGKILL until n8n gave the execution a final status. */
	failedAfterMs: number;
	answer: { status: number; body: unknown; ms: number };
	/** From the SIGKILL until the webhook caller got its answer. */
	answeredAfterMs: number;
	replacementReadyMs: number;
}

/**
 * Posts `body` to the webhook, waits until `committed()` says the provider has the purchase, then SIGKILLs the
 * worker that started the execution and starts a replacement. Resolves once n8n has settled the execution.
 */
export async function killWorkerMidPurchase(
	ctx: Json,
	path: string,
	body: Json,
	committed: () => Promise<boolean>,
): Promise<Crash> {
	const seen = new Map<string, Set<string>>(
		ctx.cluster.workers.map((w: Json) => [w.name, new Set(w.started)]),
	);
	const call = postWebhook(ctx, path, body, { timeoutMs: 600_000 });
	await until(committed, 90_000, 'the purchase reaching the provider');
	const fresh = (w: Json): string[] =>
		[...(w.started as Set<string>)].filter((id) => !seen.get(w.name)?.has(id));
	await until(
		async () => ctx.cluster.workers.some((w: Json) => fresh(w).length > 0),
		30_000,
		'a worker logging the execution',
	);
	const worker = ctx.cluster.workers.find((w: Json) => fresh(w).length > 0);
	const executionId = fresh(worker)[0]!;
	const killedAt = Date.now();
	await ctx.cluster.killWorker(worker);
	const replacement = ctx.cluster.addWorker();
	const execution = await finishedExecution(ctx, executionId, 300_000);
	const failedAfterMs = Date.now() - killedAt;
	const answer = await call;
	const answeredAfterMs = Date.now() - killedAt;
	const replacementReadyMs = (await replacement).readyMs;
	return {
		worker: worker.name,
		executionId,
		execution,
		failedAfterMs,
		answer,
		answeredAfterMs,
		replacementReadyMs,
	};
}
