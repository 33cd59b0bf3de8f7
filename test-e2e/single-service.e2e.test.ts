/**
 * The two single-service packages `npm run pack:all` builds (n8n-nodes-esimtrade and
 * n8n-nodes-esim-distribute) installed side by side in a real n8n, instead of the combined package,
 * with one example of each: the examples' `n8n-nodes-esim.<name>` node types are pointed at the
 * single-service package that provides `<name>` as they are imported. Asserts on n8n's run data and on
 * the sandbox's records, like the combined package's suite (test-e2e/examples.e2e.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { prepareRun, prepareSandboxScenario } from '../scripts/lib/demo/demo-run.mjs';
import {
	EXAMPLE_IDS,
	PACKAGE_NAME,
	loadExamples,
	packageNodeTypes,
} from '../scripts/lib/demo/examples.mjs';
import { nodeItems } from '../scripts/lib/n8n/n8n-cli.mjs';
import { cleanupNow, stopAll } from '../scripts/lib/common/processes.mjs';
import { setQuiet } from '../scripts/lib/common/progress.mjs';
import { PROVIDERS } from '../scripts/lib/packaging/split-providers.mjs';
import { type Json, runShopifyFirstTime, runTopUpBelowThreshold } from './helpers/expectations';

const repoDir = fileURLToPath(new URL('..', import.meta.url));
const TRADE = 'n8n-nodes-esimtrade';
const DISTRIBUTE = 'n8n-nodes-esim-distribute';
/**
 * The example of each package, the nodes of it that come from that package and run, and (`trigger`) the
 * package's trigger it also holds, which a run started by hand or by webhook does not run.
 */
const CASES: Array<{
	pkg: string;
	workflowId: string;
	nodes: Record<string, string>;
	trigger?: Record<string, string>;
}> = [
	{ pkg: TRADE, workflowId: EXAMPLE_IDS.shopify, nodes: { 'Buy eSIM': `${TRADE}.esimTrade` } },
	{
		pkg: DISTRIBUTE,
		workflowId: EXAMPLE_IDS.topUp,
		nodes: {
			'Get balance': `${DISTRIBUTE}.esimDistribute`,
			'Create top-up': `${DISTRIBUTE}.esimDistribute`,
			'Upload transfer proof': `${DISTRIBUTE}.esimDistribute`,
			'Get top-up status': `${DISTRIBUTE}.esimDistribute`,
		},
		trigger: { 'Balance below threshold': `${DISTRIBUTE}.esimDistributeTrigger` },
	},
];

let ctx: Json;
const workflow = (id: string): Json => ctx.workflows.find((wf: Json) => wf.id === id);

/** Every node of the package ran once and ended successfully (n8n ran it as that package's node type). */
function expectPackageNodesRan(result: Json, nodes: Record<string, string>): void {
	for (const name of Object.keys(nodes)) {
		const runs = result.data.resultData.runData[name] as Json[] | undefined;
		expect({ node: name, runs: runs?.length, status: runs?.[0]?.executionStatus }).toEqual({
			node: name,
			runs: 1,
			status: 'success',
		});
		expect(nodeItems(result, name).length).toBeGreaterThan(0);
	}
}

beforeAll(async () => {
	setQuiet(process.env.E2E_VERBOSE !== '1');
	const examples = loadExamples(repoDir)
		.map((entry: Json) => entry.workflow as Json)
		.filter((wf: Json) => CASES.some((c) => c.workflowId === wf.id));
	ctx = await prepareRun(repoDir, { packages: [TRADE, DISTRIBUTE], examples });
	await prepareSandboxScenario(ctx);
});

afterAll(async () => {
	await stopAll();
	cleanupNow();
});

describe('single-service packages side by side', () => {
	it('are the pack:all tarballs of both providers, installed without the combined package', () => {
		expect(PROVIDERS.map((p: Json) => p.name).sort()).toEqual([TRADE, DISTRIBUTE].sort());
		expect(ctx.packs.map((p: Json) => [p.name, p.kind])).toEqual([
			[TRADE, 'single'],
			[DISTRIBUTE, 'single'],
		]);
		// Only the two packages: no combined package, and no n8n-workflow beside them (--omit=peer).
		const installed = readdirSync(join(ctx.installed.nodesDir, 'node_modules')).filter(
			(name) => !name.startsWith('.'),
		);
		expect(installed.sort()).toEqual([TRADE, DISTRIBUTE].sort());
		expect(ctx.installed.types.sort()).toEqual(
			[
				`${TRADE}.esimTrade`,
				`${TRADE}.esimTradeTrigger`,
				`${TRADE}.esimTradeWebhookTrigger`,
				`${DISTRIBUTE}.esimDistribute`,
				`${DISTRIBUTE}.esimDistributeTrigger`,
			].sort(),
		);
	});

	it('the examples are imported with the single-service node types, both credentials and the SMTP sink’s', () => {
		expect(ctx.workflows.map((wf: Json) => wf.id).sort()).toEqual(
			CASES.map((c) => c.workflowId).sort(),
		);
		for (const { pkg, workflowId, nodes: ran, trigger } of CASES) {
			const wf = workflow(workflowId);
			const nodes = { ...ran, ...trigger };
			expect(packageNodeTypes(wf).sort()).toEqual([...new Set(Object.values(nodes))].sort());
			expect(Object.values(nodes).every((type) => type.startsWith(`${pkg}.`))).toBe(true);
			expect(wf.nodes.some((n: Json) => n.type.startsWith(`${PACKAGE_NAME}.`))).toBe(false);
			for (const [name, type] of Object.entries(nodes))
				expect(wf.nodes.find((n: Json) => n.name === name)?.type).toBe(type);
		}
		expect(ctx.credentials.map((c: Json) => c.type).sort()).toEqual([
			'esimDistributeApi',
			'esimTradeApi',
			'smtp',
		]);
	});
});

describe(`${TRADE}: Shopify order → eSIM`, () => {
	it('buys one eSIMTrade order per eSIM line item with ICCIDs and QR codes, through the package’s eSIMTrade node', async () => {
		const result = await runShopifyFirstTime(ctx);
		expectPackageNodesRan(result, CASES[0].nodes);
	});
});

describe(`${DISTRIBUTE}: top-up approval`, () => {
	it('balance below the threshold: creates a bank-transfer top-up and uploads the proof, through the package’s eSIM Distribute node', async () => {
		const result = await runTopUpBelowThreshold(ctx);
		expectPackageNodesRan(result, CASES[1].nodes);
	});
});
