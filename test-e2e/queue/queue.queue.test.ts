/**
 * The package in n8n's queue mode, for real: Postgres and Redis (installed with apt-get when missing), one
 * main and two workers sharing one encryption key and one user folder with the package installed, against
 * the provider sandbox. Main receives the webhooks and runs the poll trigger; the workers run the executions.
 * Asserts on the sandbox's own records (ledger, orders, sign-ins), on what n8n stores in Postgres and on the
 * workers' logs (which worker ran which execution). The measured figures are printed at the end.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ky from 'ky';
import { fileURLToPath } from 'node:url';

import { EXAMPLE_IDS, loadExamples, loadShopifyFixture } from '../../scripts/lib/demo/examples.mjs';
import { cleanupNow, stopAll } from '../../scripts/lib/common/processes.mjs';
import { setQuiet } from '../../scripts/lib/common/progress.mjs';
import {
	postWebhook,
	prepareQueueRun,
	publish,
	stopQueueRun,
} from '../../scripts/lib/queue/queue-run.mjs';
import {
	distributeCheckoutWorkflow,
	distributeWorkflow,
	manualQrWorkflow,
	qrHopWorkflow,
	shopifyWebhookWorkflow,
	triggerWorkflow,
	webhookPathOf,
} from '../../scripts/lib/queue/queue-workflows.mjs';
import {
	CLAIM_TABLE_SQL,
	claimCredential,
	claimedCheckoutWorkflow,
} from '../../scripts/lib/queue/claim-workflow.mjs';
import { importJson } from '../../scripts/lib/n8n/n8n-cli.mjs';
import { defaultsMode } from '../../scripts/lib/n8n/n8n-defaults.mjs';
import { raceWithAndWithoutClaim } from './claims';
import {
	expectCheckoutCrashFindsTheOrder,
	expectTradeCrashBuysNothingTwice,
} from './crash-expectations';
import {
	type Json,
	deliverConcurrently,
	iccidsOf,
	keysOf,
	ledgerFor,
	sandboxIccids,
	shopifyDelivery,
} from './deliveries';
import { printFigures, record } from './figures';
import { clusterInfo, editorSettings, runFromEditor } from './platform';
import { runTriggerScenario } from './trigger';

const repoDir = fileURLToPath(new URL('../..', import.meta.url));
const examples = loadExamples(repoDir).map((entry: Json) => entry.workflow as Json);
const fixture = loadShopifyFixture(repoDir) as Json;

const DELIVERIES = Number(process.env.QUEUE_DELIVERIES ?? 200);
const DISTRIBUTE_RUNS = Number(process.env.QUEUE_DISTRIBUTE_RUNS ?? 100);
const STATUS_CHANGES = Number(process.env.QUEUE_STATUS_CHANGES ?? 500);
const RACE_PAIRS = Number(process.env.QUEUE_RACE_PAIRS ?? 8);

const shopify = shopifyWebhookWorkflow(examples.find((wf: Json) => wf.id === EXAMPLE_IDS.shopify));
const qrHop = qrHopWorkflow();
const distribute = distributeWorkflow();
const checkout = distributeCheckoutWorkflow();
const claimed = claimedCheckoutWorkflow();
const manual = manualQrWorkflow();
const alerts = examples.find((wf: Json) => wf.id === EXAMPLE_IDS.alerts);
const trigger = triggerWorkflow(alerts);
const triggerDurable = triggerWorkflow(alerts, { id: 'esimQueueTrigDur' });
const path = (wf: Json): string => webhookPathOf(wf) as string;

let ctx: Json;

beforeAll(async () => {
	setQuiet(process.env.E2E_VERBOSE !== '1');
	ctx = await prepareQueueRun(repoDir, {
		examples: [shopify, qrHop, distribute, checkout, claimed, manual, trigger, triggerDurable],
		fastLockExpiry: true,
	});
	// The claims table (in n8n's own database here) and the credential the claim step uses.
	await ctx.services.postgres.query(`${CLAIM_TABLE_SQL}; GRANT ALL ON esim_purchase_claims TO n8n`);
	await importJson(
		ctx.folder,
		'credentials',
		[claimCredential(ctx.services.postgres.env)],
		'claims-credential.json',
	);
	await publish(ctx, [shopify, qrHop, distribute, checkout, claimed]);
});

afterAll(async () => {
	await stopQueueRun(ctx);
	await stopAll();
	cleanupNow();
	printFigures();
});

/** Worker names → executions each started since `before` (a snapshot of started-set sizes). */
const startedSince = (before: Map<string, number>): Record<string, number> =>
	Object.fromEntries(
		[...ctx.cluster.workers, ...ctx.cluster.retired].map((w: Json) => [
			w.name,
			w.started.size - (before.get(w.name) ?? 0),
		]),
	);
const snapshot = (): Map<string, number> =>
	new Map(
		[...ctx.cluster.workers, ...ctx.cluster.retired].map((w: Json) => [w.name, w.started.size]),
	);

describe('queue mode: main + 2 workers, Postgres, Redis', () => {
	it('loads the package in every process and runs webhook executions on the workers, not on main', async () => {
		expect(ctx.cluster.workers).toHaveLength(2);
		expect(await ctx.services.postgres.query('select count(*) from workflow_entity')).toBe('8');
	});

	it("every worker has a host id of its own: n8n's cluster check finds no clash", async () => {
		let info = await clusterInfo(ctx);
		for (let t = 0; t < 60 && info.workerHostIds.length < 2; t++) {
			await new Promise((r) => setTimeout(r, 500));
			info = await clusterInfo(ctx);
		}
		record('Host ids', {
			hostIds: info.hostIds,
			hostnameBy: ctx.cluster.workers.map((w: Json) => w.hostnameBy),
			clashWarnings: info.clashWarnings,
		});
		expect(info.workerHostIds).toHaveLength(2);
		expect(new Set(info.hostIds).size).toBe(info.hostIds.length);
		expect(info.clashWarnings).toEqual([]);
	});

	it(`runs with ${defaultsMode() ? `n8n ${defaultsMode()}'s defaults (N8N_ESIM_DEFAULTS)` : "the installed n8n's own defaults"}: the package loads and runs in every process`, async () => {
		const settings = await editorSettings(ctx);
		record('Settings', {
			defaults: defaultsMode() ?? 'installed',
			executionMode: settings.executionMode,
			unverifiedCommunityNodesEnabled: settings.unverifiedCommunityNodesEnabled,
			communityNodesEnabled: settings.communityNodesEnabled,
		});
		expect(settings.executionMode).toBe('queue');
		expect(settings.communityNodesEnabled).toBe(true);
		// Off, the setting refuses installs of packages n8n has not verified (editor, env-managed list); the package
		// installed in the user folder is loaded all the same (every test here runs its nodes).
		expect(settings.unverifiedCommunityNodesEnabled).toBe(defaultsMode() !== '3.0');
	});

	it(`a manual execution from the editor runs ${defaultsMode() === '3.0' ? 'on a worker (OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS=true, n8n 3.0)' : 'on main (n8n 2.x default)'}, its QR PNG in the database`, async () => {
		const { execution, ranOn } = await runFromEditor(ctx, manual.id, 'Start');
		const [item] = execution.data?.resultData?.runData?.['Check PNG']?.[0]?.data?.main?.[0] ?? [];
		record('Manual execution', { status: execution.status, ranOn, binaryId: item?.json.binaryId });
		expect(execution.status).toBe('success');
		expect(item?.json).toMatchObject({
			isPng: true,
			binaryId: expect.stringMatching(/^database:/),
		});
		expect(ranOn).toHaveLength(defaultsMode() === '3.0' ? 1 : 0);
	});

	it('the QR PNG made on a worker reaches the next node there and is served by main (binary data mode "database")', async () => {
		const before = snapshot();
		const res = await postWebhook(ctx, path(qrHop), {
			plan: 'JP_5_30',
			quantity: 1,
			key: 'queue-qr-hop-1',
		});
		expect(res.status).toBe(200);
		const [item] = res.body as Json[];
		expect(item).toMatchObject({
			isPng: true,
			mimeType: 'image/png',
			binaryId: expect.stringMatching(/^database:/),
		});
		expect(Object.values(startedSince(before)).reduce((a, b) => a + b, 0)).toBe(1);

		const png = await ky.get(`http://127.0.0.1:${ctx.cluster.main.port}/rest/binary-data`, {
			searchParams: { id: item!.binaryId, action: 'download' },
			headers: { cookie: ctx.client.cookie },
			retry: 0,
		});
		expect(png.headers.get('content-type')).toMatch(/^image\/png/);
		const bytes = Buffer.from(await png.arrayBuffer());
		expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
		expect(bytes.length).toBe(item!.pngBytes);
		const rows = await ctx.services.postgres.query(
			`select count(*) from binary_data where "fileId" = '${String(item!.binaryId).slice('database:'.length)}'`,
		);
		expect(rows).toBe('1');
		record('QR hop', {
			binaryId: item!.binaryId,
			pngBytes: bytes.length,
			servedByMain: true,
			mode: 'database',
		});
	});

	it(`${DELIVERIES} concurrent Shopify deliveries, 20% posted twice: one order and one debit per line, each answer only its own eSIMs, both workers busy`, async () => {
		const orders = Array.from({ length: DELIVERIES }, (_, k) => shopifyDelivery(fixture, k));
		const keys = new Set(orders.flatMap(keysOf));
		const before = snapshot();
		const t0 = Date.now();
		const deliveries = await deliverConcurrently(ctx, path(shopify), orders, { retryEvery: 5 });
		const wallMs = Date.now() - t0;
		const perWorker = startedSince(before);

		expect(
			deliveries
				.filter((d) => d.status !== 200)
				.map(
					(d) => `${d.order.id}#${d.attempt}: ${d.status} ${JSON.stringify(d.body).slice(0, 200)}`,
				),
		).toEqual([]);
		const { orders: bought, debits } = await ledgerFor(ctx, keys);
		record('Shopify deliveries', {
			deliveries: DELIVERIES,
			posts: deliveries.length,
			retried: deliveries.length - DELIVERIES,
			eSIMTradeOrders: bought.length,
			debits: debits.length,
			distinctKeys: new Set(bought.map((o) => o.idempotencyKey)).size,
			executionsPerWorker: perWorker,
			wallSeconds: Math.round(wallMs / 100) / 10,
		});
		expect(bought).toHaveLength(keys.size);
		expect(new Set(bought.map((o) => o.idempotencyKey)).size).toBe(keys.size);
		expect(debits).toHaveLength(keys.size);

		for (const d of deliveries) {
			const own = sandboxIccids(bought, keysOf(d.order));
			expect({ order: d.order.id, iccids: iccidsOf(d.body) }).toEqual({
				order: d.order.id,
				iccids: own,
			});
		}
		expect(Object.values(perWorker).reduce((a, b) => a + b, 0)).toBe(deliveries.length);
		for (const count of Object.values(perWorker)) expect(count).toBeGreaterThan(0);
	});

	it(`eSIM Distribute: ${DISTRIBUTE_RUNS} runs across the workers share one token; a revocation mid-run costs at most one sign-in per process`, async () => {
		const statsBefore = await ctx.sandbox.admin.distribute.stats();
		const before = snapshot();
		const results: Array<{ status: number; body: unknown }> = [];
		let next = 0;
		let revokedAt: number | undefined;
		const lane = async (): Promise<void> => {
			while (next < DISTRIBUTE_RUNS) {
				next++;
				if (next > DISTRIBUTE_RUNS / 2 && revokedAt === undefined) {
					revokedAt = results.length;
					await ctx.sandbox.admin.distribute.revokeTokens();
				}
				results.push(await postWebhook(ctx, path(distribute), {}));
			}
		};
		// The first run alone (cold credential: one sign-in, token stored in Postgres), then 10 at a time.
		results.push(await postWebhook(ctx, path(distribute), {}));
		next = 1;
		await Promise.all(Array.from({ length: 10 }, lane));
		const stats = await ctx.sandbox.admin.distribute.stats();
		const signIns = stats.loginCount - statsBefore.loginCount;
		const revocations = stats.revocations - statsBefore.revocations;
		const processes = 1 + ctx.cluster.workers.length;
		record('eSIM Distribute token', {
			runs: results.length,
			ok: results.filter((r) => r.status === 200).length,
			signIns,
			revocations,
			processes,
			executionsPerWorker: startedSince(before),
		});
		expect(
			results.filter((r) => r.status !== 200).map((r) => JSON.stringify(r.body).slice(0, 300)),
		).toEqual([]);
		for (const r of results) expect(Array.isArray(r.body) && (r.body as Json[]).length).toBe(1);
		expect(revocations).toBe(1);
		expect(signIns).toBeLessThanOrEqual(processes + revocations);
	});

	it('a worker SIGKILLed while buying: n8n fails the execution; Shopify re-sending the webhook buys nothing twice', async () => {
		await expectTradeCrashBuysNothingTwice(ctx, path(shopify), fixture);
	});

	it('a worker SIGKILLed during an eSIM Distribute checkout: re-sending finds the order instead of buying again', async () => {
		await expectCheckoutCrashFindsTheOrder(ctx, path(checkout));
	});

	it(`eSIM Distribute: ${RACE_PAIRS} pairs of identical deliveries at the same instant; a claim in a table every process shares lets one copy of each buy`, async () => {
		const race = await raceWithAndWithoutClaim(ctx, {
			plainPath: path(checkout),
			claimedPath: path(claimed),
			pairs: RACE_PAIRS,
		});
		record('Same-instant copies (eSIM Distribute)', race.figures);
		// The gap docs/docker.md describes: without the claim, copies on two workers both buy.
		expect(race.figures.skipRepeatOnly.pairsThatBoughtTwice).toBeGreaterThan(0);
		// The claim is proven across workers only by pairs whose copies ran on two of them.
		expect(race.claimed.filter((pair) => pair.workers.length > 1).length).toBeGreaterThan(0);
		for (const pair of race.claimed) {
			expect(pair.answers.map((a) => a.status)).toEqual([200, 200]);
			expect({ email: pair.email, orders: pair.orders.length }).toEqual({
				email: pair.email,
				orders: 1,
			});
			const bodies = pair.answers.map((a) => (a.body as Json[])[0]);
			expect(bodies.filter((b) => b?.skipped === true)).toHaveLength(1);
			expect(bodies.filter((b) => b?.id === pair.orders[0]!.id)).toHaveLength(1);
		}
	});

	it(`the eSIMTrade Trigger on main reports each of ${STATUS_CHANGES} status changes exactly once across two main restarts (static data in Postgres)`, async () => {
		const result = await runTriggerScenario(ctx, trigger, {
			changes: STATUS_CHANGES,
			durable: false,
		});
		record('Trigger (default settings)', result);
		expect(result.missed).toBe(0);
		expect(result.repeated).toBe(0);
	});

	it("… and again with n8n's durable scheduler and durable poll cursors on: every change once, none twice (state in poller_state)", async () => {
		const result = await runTriggerScenario(ctx, triggerDurable, {
			changes: STATUS_CHANGES,
			durable: true,
		});
		record('Trigger (durable settings)', result);
		// n8n stages the trigger's state for each poll and commits it with the execution the poll starts; the
		// activation poll's staged state is dropped, so its baseline reaches the first scheduled poll through the
		// workflow's static data (nodes/shared/trigger/state.ts).
		expect(result.stateIn).toBe('poller_state');
		expect(result.missed).toBe(0);
		expect(result.repeated).toBe(0);
	});
});
