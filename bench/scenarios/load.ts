import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import type { Sandbox } from '../../sandbox';
import { median, runChild } from '../lib/child';
import { count as scaledCount, label, type Pass } from '../lib/latency';
import { DIST, packageEntries } from '../lib/ours';
import { fmt, type Row, type Section } from '../lib/report';

const ROOT = join(__dirname, '..', '..');
const REQUIRE_RUNS = 3;
const ALL_ITEMS = 1000;
/** At 80 ms, 1,000 sequential reads take 80 s per contender: 100 items, one round. */
const ITEMS_AT_LATENCY = 100;
const HTTP_REQUEST_FILE =
	require.resolve('n8n-nodes-base/dist/nodes/HttpRequest/HttpRequest.node.js');

/** Milliseconds to `require` a file in a fresh plain-Node process, with n8n-workflow loaded first (as in n8n) or not. */
function requireMs(file: string, preload: boolean): number {
	const script = `
		${preload ? "require('n8n-workflow');" : ''}
		const started = performance.now();
		require(${JSON.stringify(file)});
		process.stdout.write(String(performance.now() - started));`;
	return Number(
		execFileSync(process.execPath, ['-e', script], {
			cwd: ROOT,
			env: { ...process.env, NODE_OPTIONS: '' },
		}).toString(),
	);
}

const medianRequire = (file: string, preload: boolean) =>
	median(Array.from({ length: REQUIRE_RUNS }, () => requireMs(file, preload)));

interface ItemsResult {
	ms: number;
	ok: number;
}

/** Scenario 4: package load time (without latency only) and per-item cost of balance reads. */
export async function packageLoad(sandbox: Sandbox, pass: Pass): Promise<Section> {
	sandbox.reset();
	const latent = pass.latencyMs > 0;
	const ITEMS = scaledCount(pass, ALL_ITEMS, ITEMS_AT_LATENCY);
	const ITEM_RUNS = scaledCount(pass, 3, 1);
	const entries = latent ? [] : packageEntries();
	const load = entries.map((entry) => ({
		entry,
		warm: medianRequire(join(DIST, entry), true),
		cold: medianRequire(join(DIST, entry), false),
	}));
	const httpWarm = latent ? NaN : medianRequire(HTTP_REQUEST_FILE, true);
	const httpCold = latent ? NaN : medianRequire(HTTP_REQUEST_FILE, false);

	const contenders = ['ky', 'node', 'httpRequest', 'noop'] as const;
	const times: Record<string, number[]> = { ky: [], node: [], httpRequest: [], noop: [] };
	for (let round = 0; round < ITEM_RUNS; round++) {
		for (const name of contenders) {
			const result = await runChild<ItemsResult>('scenarios/items.child.ts', [
				name,
				sandbox.tradeBaseUrl,
				String(ITEMS),
			]);
			if (result.ok !== ITEMS) throw new Error(`${name}: ${result.ok} of ${ITEMS} items succeeded`);
			times[name].push(result.ms);
		}
	}
	const [bare, ours, http, noop] = contenders.map((name) => median(times[name]) / ITEMS);
	const perItem = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;

	const scenario = `4. ${latent ? '' : 'Package load and '}per-item cost, ${ITEMS.toLocaleString('en')} balance reads${label(pass, ALL_ITEMS, ITEMS)}`;
	const trade = load.find((l) => l.entry.endsWith('EsimTrade.node.js'));
	const rows: Row[] = [
		...(latent
			? []
			: [
					{
						scenario,
						metric: 'require eSIMTrade node (n8n-workflow loaded)',
						ours: fmt.ms(trade?.warm ?? NaN),
						baseline: 'HTTP Request node',
						theirs: fmt.ms(httpWarm),
						ratio: (trade?.warm ?? NaN) / httpWarm,
					},
				]),
		{
			scenario,
			metric: 'per-item overhead, excl. the request',
			ours: perItem(ours - bare),
			baseline: 'No Operation node (no request)',
			theirs: perItem(noop),
			ratio: (ours - bare) / noop,
			goal: { text: '≤ 200 µs', met: (ours - bare) * 1000 <= 200 },
		},
		{
			scenario,
			metric: 'wall time per item',
			ours: perItem(ours),
			baseline: 'bare sequential ky loop',
			theirs: perItem(bare),
			ratio: ours / bare,
		},
		{
			scenario,
			metric: 'wall time per item',
			ours: perItem(ours),
			baseline: 'HTTP Request (requests in parallel)',
			theirs: perItem(http),
			ratio: ours / http,
			target: 1.0,
		},
	];
	return {
		title: scenario,
		rows,
		notes: [
			...(latent
				? []
				: [
						`\`require\` of each file n8n loads from this package (package.json \`n8n\`), compiled by \`tsc -p tsconfig.build.json\`; median of ${REQUIRE_RUNS} fresh plain-Node processes each. "warm": n8n-workflow already loaded, as inside n8n; "cold": the file and everything it pulls in.`,
						...load.map((l) => `- \`${l.entry}\`: ${fmt.ms(l.warm)} warm, ${fmt.ms(l.cold)} cold`),
						`- n8n-nodes-base \`HttpRequest.node.js\` (baseline): ${fmt.ms(httpWarm)} warm, ${fmt.ms(httpCold)} cold`,
					]),
			`Per item: ${ITEMS.toLocaleString('en')} input items, each reading the wallet balance from the sandbox (${pass.latencyMs} ms added to every request) through n8n-core's WorkflowExecute; ${ITEM_RUNS === 1 ? 'one child process each' : `median of ${ITEM_RUNS} child processes each`}, after a ${10}-item warm-up. Wall time per item: bare ky GETs one after the other ${perItem(bare)}, eSIMTrade node ${perItem(ours)}, HTTP Request ${perItem(http)}, No Operation ${perItem(noop)}. "Overhead" is the contender's time per item minus the bare request's. The HTTP Request node sends all items' requests at once, so its requests overlap (${perItem(http - bare)} per item against the sequential bare loop); our node sends one request per item in item order (what a rate-limited, money-moving API needs), so it is compared on overhead, not on parallel throughput.`,
		],
	};
}
