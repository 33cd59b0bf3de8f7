import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import type { INodeType } from 'n8n-workflow';

import { tradeHarness } from '../../test/helpers/trade';
import type { Harness } from '../../test/harness/run';

const ROOT = join(__dirname, '..', '..');

/**
 * The bench runs the compiled package, as n8n loads it: the same `tsc -p
 * tsconfig.build.json` as `npm run build`, emitted into bench/.out/dist so a
 * parallel `npm run build` (which cleans dist/) cannot pull files from under a run.
 */
export const DIST = join(ROOT, 'bench', '.out', 'dist');

export function buildDist(): void {
	execFileSync(
		join(ROOT, 'node_modules', '.bin', 'tsc'),
		['-p', 'tsconfig.build.json', '--outDir', DIST],
		{ cwd: ROOT, stdio: 'inherit' },
	);
}

/** The node, credential and trigger files n8n loads from this package (package.json `n8n`). */
export function packageEntries(): string[] {
	const pkg = require(join(ROOT, 'package.json')) as {
		n8n: { nodes: string[]; credentials: string[] };
	};
	return [...pkg.n8n.nodes, ...pkg.n8n.credentials].map((file) => file.replace(/^dist\//, ''));
}

export function loadCompiled<T>(file: string, name: string): T {
	return (require(join(DIST, file)) as Record<string, T>)[name];
}

/** The test harness with the compiled eSIMTrade node and trigger. */
export function compiledTradeHarness(baseUrl: string): Harness {
	const Node = loadCompiled<new () => INodeType>('nodes/EsimTrade/EsimTrade.node.js', 'EsimTrade');
	const Trigger = loadCompiled<new () => INodeType>(
		'nodes/EsimTrade/EsimTradeTrigger.node.js',
		'EsimTradeTrigger',
	);
	return tradeHarness(baseUrl, {}, { node: new Node(), trigger: new Trigger() });
}

export function newTrigger(): INodeType {
	const Trigger = loadCompiled<new () => INodeType>(
		'nodes/EsimTrade/EsimTradeTrigger.node.js',
		'EsimTradeTrigger',
	);
	return new Trigger();
}
