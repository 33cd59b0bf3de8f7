import type { Sandbox } from '../../sandbox';
import { runChild } from '../lib/child';
import { count as scaledCount, label, type Pass } from '../lib/latency';
import { fmt, type Section } from '../lib/report';

/** 10 requests per second, as a fixed window of 100 per 10 s (eSIMTrade's real limit is per key per minute). */
export const LIMIT = { limit: 100, windowMs: 10_000 };
export const PURCHASES = 1000;
/** At 80 ms, 1,000 sequential purchases take at least 80 s per contender: 200 (two windows). */
const PURCHASES_AT_LATENCY = 200;

interface ChildResult {
	ms: number;
	status: string;
	/** Output items carrying an order number: purchases the workflow can see. */
	ok: number;
	error?: string;
}

interface Measured extends ChildResult {
	/** Purchases that did not happen: input items without an order in the ledger. */
	failed: number;
	orders: number;
	debits: number;
	rejected429: number;
	posts: number;
}

async function measure(sandbox: Sandbox, contender: string, count: number): Promise<Measured> {
	sandbox.reset();
	sandbox.faults.set({ rateLimit: LIMIT });
	const result = await runChild<ChildResult>('scenarios/purchases.child.ts', [
		contender,
		sandbox.tradeBaseUrl,
		String(count),
	]);
	const posts = sandbox.log.entries({ method: 'POST', path: '/api/v1/portal/order' });
	process.stdout.write(
		`  purchases, ${contender}: ${fmt.ms(result.ms)}, ${sandbox.trade.orders.length} bought\n`,
	);
	return {
		...result,
		failed: count - sandbox.trade.orders.length,
		orders: sandbox.trade.orders.length,
		debits: sandbox.trade.ledger.filter((entry) => entry.type === 'debit').length,
		rejected429: posts.filter((entry) => entry.status === 429).length,
		posts: posts.length,
	};
}

/** Scenario 2: purchases under a rate limit answering 429 + Retry-After, against the rate's floor. */
export async function rateLimited(sandbox: Sandbox, pass: Pass): Promise<Section> {
	const count = scaledCount(pass, PURCHASES, PURCHASES_AT_LATENCY);
	const ours = await measure(sandbox, 'node', count);
	const bare = await measure(sandbox, 'ky', count);
	const http = await measure(sandbox, 'httpRequest', count);
	const perSecond = (LIMIT.limit * 1000) / LIMIT.windowMs;
	const rateFloor = (count / perSecond) * 1000;
	const windowFloor = (Math.ceil(count / LIMIT.limit) - 1) * LIMIT.windowMs;
	// One purchase after the other (money-moving requests stay sequential), each at least one round trip:
	// a window's purchases take n × latency, and the next window cannot open earlier than its time.
	let sequentialFloor = 0;
	for (let left = count, w = 0; left > 0; left -= LIMIT.limit, w++)
		sequentialFloor =
			Math.max(sequentialFloor, w * LIMIT.windowMs) + Math.min(left, LIMIT.limit) * pass.latencyMs;
	const floor = Math.max(windowFloor, sequentialFloor);
	const scenario = `2. ${count.toLocaleString('en')} purchases at ${perSecond} req/s (429 + Retry-After)${label(pass, PURCHASES, count)}`;
	const line = (label: string, m: Measured) =>
		`- ${label}: ${fmt.ms(m.ms)}, run status ${m.status}; ledger ${m.orders} orders / ${m.debits} debits, so ${m.failed} of ${count} purchases failed; ${m.ok} orders in the output; ${m.posts} POSTs of which ${m.rejected429} answered 429${m.error ? `; error: "${m.error}"` : ''}.`;
	return {
		title: scenario,
		rows: [
			{
				scenario,
				metric: 'wall time',
				ours: fmt.ms(ours.ms),
				baseline: `rate floor ${count} ÷ ${perSecond}/s`,
				theirs: fmt.ms(rateFloor),
				ratio: ours.ms / rateFloor,
				target: 1.05,
			},
			{
				scenario,
				metric: 'wall time',
				ours: fmt.ms(ours.ms),
				baseline:
					sequentialFloor > windowFloor
						? `sequential floor at ${pass.latencyMs} ms per purchase`
						: 'fixed-window floor',
				theirs: fmt.ms(floor),
				ratio: ours.ms / floor,
				target: 1.05,
			},
			{
				scenario,
				metric: 'wall time',
				ours: fmt.ms(ours.ms),
				baseline: 'bare ky loop, retry on 429',
				theirs: fmt.ms(bare.ms),
				ratio: ours.ms / bare.ms,
			},
			{
				scenario,
				metric: 'failed purchases',
				ours: String(ours.failed),
				baseline: 'HTTP Request, defaults',
				theirs: String(http.failed),
				goal: {
					text: 'zero failures, one order and one debit per purchase',
					met:
						ours.failed === 0 &&
						ours.ok === count &&
						ours.orders === count &&
						ours.debits === count,
				},
			},
			{
				scenario,
				metric: 'wall time',
				ours: fmt.ms(ours.ms),
				baseline: 'HTTP Request, defaults',
				theirs: `${fmt.ms(http.ms)} (${http.orders} bought, run ${http.status})`,
			},
		],
		notes: [
			`Sandbox rate limit: fixed window of ${LIMIT.limit} requests per ${LIMIT.windowMs / 1000} s per key (= ${perSecond}/s, the real eSIMTrade limit of 600/min scaled to a shorter window), 429 \`{"error":"API rate limit exceeded"}\` with \`Retry-After\` in whole seconds. Each contender starts on a fresh sandbox (ledger and window reset), in its own process; each purchase has its own idempotency key; Wait for Fulfilment is off (purchases only). Every provider request waits ${pass.latencyMs} ms in the sandbox${pass.latencyMs > 0 ? ` (before the rate limit, so a sequential client's floor is also ${count} × ${pass.latencyMs} ms = ${fmt.ms(count * pass.latencyMs)})` : ''}.`,
			`Rate floor: ${count} ÷ ${perSecond}/s = ${fmt.ms(rateFloor)} (the issue's definition). Fixed-window floor: a window admits ${LIMIT.limit} at once, so the last of ${Math.ceil(count / LIMIT.limit)} windows opens at ${fmt.ms(windowFloor)}; no client can finish earlier.${sequentialFloor > windowFloor ? ` At ${pass.latencyMs} ms, sequential purchases need ${pass.latencyMs} ms each, window after window (${Math.min(count, LIMIT.limit)} × ${pass.latencyMs} ms in a window, the next window opening ${LIMIT.windowMs / 1000} s after the one before), so none can finish before ${fmt.ms(sequentialFloor)}: the floor in the table.` : ''}`,
			line('eSIMTrade node', ours),
			line(
				'bare ky loop (ky 1, `retry: { methods: [post], statusCodes: [429], afterStatusCodes: [429] }`)',
				bare,
			),
			line('HTTP Request v4.2, default settings (all items sent at once, no retry)', http),
		],
	};
}
