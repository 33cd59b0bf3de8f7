/**
 * Smoke suite for the n8n versions other than the pinned one (the pinned n8n runs the full suite in
 * test-e2e/*.e2e.test.ts): on each version, the packed combined package installed as a community
 * package, the Shopify and top-up examples against the sandbox, and the published trigger firing
 * exactly once. Versions: N8N_MATRIX in scripts/lib/n8n-install.mjs (each installed once into the
 * cache), or a comma-separated list in N8N_ESIM_VERSIONS. `npm run test:versions`.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';

import {
	prepareRun,
	prepareSandboxScenario,
	runWorkflow,
} from '../../scripts/lib/demo/demo-run.mjs';
import { EXAMPLE_IDS, loadExamples } from '../../scripts/lib/demo/examples.mjs';
import { n8n, nodeItems, nodeRan } from '../../scripts/lib/n8n/n8n-cli.mjs';
import { N8N_MATRIX } from '../../scripts/lib/n8n/n8n-install.mjs';
import { stopAll } from '../../scripts/lib/common/processes.mjs';
import { setQuiet } from '../../scripts/lib/common/progress.mjs';
import { type Json, runShopifyFirstTime } from '../helpers/expectations';
import { triggerFiresOnceOnStatusChange } from '../helpers/trigger';

const repoDir = fileURLToPath(new URL('../..', import.meta.url));
const VERSIONS = process.env.N8N_ESIM_VERSIONS
	? process.env.N8N_ESIM_VERSIONS.split(',')
			.map((v) => v.trim())
			.filter(Boolean)
	: N8N_MATRIX.filter((entry: Json) => !entry.pinned).map((entry: Json) => entry.version as string);
const SMOKE = [EXAMPLE_IDS.shopify, EXAMPLE_IDS.topUp, EXAMPLE_IDS.alerts];
const examples = loadExamples(repoDir)
	.map((entry: Json) => entry.workflow as Json)
	.filter((wf: Json) => SMOKE.includes(wf.id));

beforeAll(() => setQuiet(process.env.E2E_VERBOSE !== '1'));

let built = false;

describe.each(VERSIONS)('n8n %s', (version) => {
	let ctx: Json;

	beforeAll(async () => {
		// One build for all versions (none with E2E_BUILD=0: pack the dist/ there is); each version gets its own
		// user folder, sandbox and install.
		// The email step stays off as in the example files: the customer email is n8n's own node, proven on the
		// pinned version by the examples' suite (on 1.x its parameters differ).
		ctx = await prepareRun(repoDir, {
			version,
			examples,
			email: false,
			build: !built && process.env.E2E_BUILD !== '0',
		});
		built = true;
		await prepareSandboxScenario(ctx);
	});

	afterAll(async () => {
		await stopAll();
	});

	it('is the version asked for, with the package installed from its tarball as a community package', async () => {
		const { stdout } = await n8n(ctx.folder, ['--version']);
		expect(stdout.trim().split('\n').pop()).toBe(version);
		expect(ctx.installed.types.sort()).toEqual(
			[
				'n8n-nodes-esim.esimDistribute',
				'n8n-nodes-esim.esimDistributeTrigger',
				'n8n-nodes-esim.esimTrade',
				'n8n-nodes-esim.esimTradeTrigger',
				'n8n-nodes-esim.esimTradeWebhookTrigger',
			].sort(),
		);
	});

	it('Shopify order → eSIM: one eSIMTrade order per eSIM line item, fulfilled, QR code handed on', async () => {
		await runShopifyFirstTime(ctx);
	});

	it('an expired eSIM Distribute session: n8n signs in again by itself and the run succeeds', async () => {
		const logins = async (): Promise<number> =>
			(await ctx.sandbox.admin.requests({ provider: 'distribute', path: '/api/tenant/login' }))
				.count;
		await ctx.sandbox.admin.distribute.setBalance(5000);
		const before = await logins();
		// The session token n8n stored with the credential (valid for an hour) is now expired at the provider.
		await ctx.sandbox.admin.distribute.advanceClock(3_601_000);
		const result = await runWorkflow(ctx, EXAMPLE_IDS.topUp).catch((error: Json) => {
			// n8n's own output names the cause; jest prints only the message.
			throw Object.assign(error, { message: `${error.message}\n${error.details ?? ''}` });
		});
		expect(nodeItems(result, 'Get balance')[0]).toMatchObject({ json: { creditBalance: 5000 } });
		expect(await logins()).toBe(before + 1);
	});

	// The approval and proof steps are n8n's Send and Wait, proven under `n8n start` on 2.40.7 (approval.e2e.test.ts);
	// here, as shipped (both emails off), a run below the threshold quotes and creates the top-up on every version.
	// It runs after the session test: the top-up it leaves open makes later runs stop at "A top-up is already open".
	it('top-up approval: below the threshold a quoted bank-transfer top-up is created, with no proof yet', async () => {
		await ctx.sandbox.admin.distribute.setBalance(120);
		const before = ((await ctx.sandbox.admin.distribute.topups()) as Json[]).length;
		const result = await runWorkflow(ctx, EXAMPLE_IDS.topUp);
		expect(nodeItems(result, 'Get balance')[0]).toMatchObject({ json: { creditBalance: 120 } });
		expect(nodeRan(result, 'Quote top-up')).toBe(true);
		const after = (await ctx.sandbox.admin.distribute.topups()) as Json[];
		expect(after).toHaveLength(before + 1);
		expect(after[after.length - 1]).toMatchObject({ paymentMethod: 'bank_transfer' });
		expect(nodeItems(result, 'No transfer proof')[0]).toMatchObject({
			json: { decision: 'no proof' },
		});
	});

	it('order status alerts: the published trigger fires exactly once for one status change', async () => {
		await triggerFiresOnceOnStatusChange(ctx);
	});
});
