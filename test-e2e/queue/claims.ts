/**
 * Two copies of one eSIM Distribute delivery posted at the same instant, pair after pair, to a checkout workflow: how many
 * pairs bought twice, and which workers ran them.
 */
import { postWebhook } from '../../scripts/lib/queue/queue-run.mjs';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = Record<string, any>;

export interface Pair {
	email: string;
	answers: Array<{ status: number; body: unknown }>;
	orders: Json[];
	/** The workers that ran the pair's two executions. */
	workers: string[];
}

const started = (ctx: Json): Map<string, number> =>
	new Map(
		[...ctx.cluster.workers, ...ctx.cluster.retired].map((w: Json) => [w.name, w.started.size]),
	);
const since = (ctx: Json, before: Map<string, number>): Record<string, number> =>
	Object.fromEntries([...started(ctx)].map(([name, n]) => [name, n - (before.get(name) ?? 0)]));

/**
 * Posts `pairs` pairs one after the other, each pair's two copies (the same body) at once, so that with both
 * workers idle each copy usually goes to a worker of its own. Resolves each pair with its customer's orders.
 */
export async function racePairs(
	ctx: Json,
	path: string,
	planId: string,
	{ pairs, tag }: { pairs: number; tag: string },
): Promise<Pair[]> {
	const result: Pair[] = [];
	for (let k = 0; k < pairs; k++) {
		const body = {
			items: [{ planId, quantity: 1 }],
			email: `race-${tag}-${k}@example.com`,
			claimKey: `race-${tag}-${k}`,
		};
		const before = started(ctx);
		const answers = await Promise.all([postWebhook(ctx, path, body), postWebhook(ctx, path, body)]);
		const ran = since(ctx, before);
		const orders = ((await ctx.sandbox.admin.distribute.orders()) as Json[]).filter(
			(o) => o.customerEmail === body.email,
		);
		result.push({
			email: body.email,
			answers: answers.map(({ status, body: b }) => ({ status, body: b })),
			orders,
			workers: Object.keys(ran).filter((name) => ran[name]! > 0),
		});
	}
	return result;
}

/**
 * The same pairs against the checkout without a claim (Skip Repeat Within alone) and with one. Every provider
 * request takes 300 ms meanwhile, so a copy starting while the other is still checking out reads the order list
 * before that checkout is in it (as on a slow day at the provider).
 */
export async function raceWithAndWithoutClaim(
	ctx: Json,
	{ plainPath, claimedPath, pairs }: { plainPath: string; claimedPath: string; pairs: number },
): Promise<{ plain: Pair[]; claimed: Pair[]; figures: Json }> {
	await ctx.sandbox.admin.distribute.setBalance(100_000);
	await ctx.sandbox.admin.distribute.seedOrders(1, { email: 'race-seed@example.com' });
	const planId = ((await ctx.sandbox.admin.distribute.orders()) as Json[]).find(
		(o) => o.customerEmail === 'race-seed@example.com',
	)!.planId as string;
	await ctx.sandbox.admin.faults({ latencyMs: 300 });
	try {
		const plain = await racePairs(ctx, plainPath, planId, { pairs, tag: 'plain' });
		const claimed = await racePairs(ctx, claimedPath, planId, { pairs, tag: 'claim' });
		const count = (list: Pair[]): Json => ({
			pairsOnTwoWorkers: list.filter((p) => p.workers.length > 1).length,
			pairsThatBoughtTwice: list.filter((p) => p.orders.length > 1).length,
		});
		const figures = { pairs, skipRepeatOnly: count(plain), claimedFirst: count(claimed) };
		return { plain, claimed, figures };
	} finally {
		await ctx.sandbox.admin.faults({ latencyMs: 0 });
	}
}
