#!/usr/bin/env node
// `npm run demo` — runs this package's example workflows in a real n8n against the local provider sandbox.
// `npm run demo -- --ui` — keeps n8n running on localhost with the credentials and workflows in place.
// `npm run demo -- --queue` — the same in n8n's queue mode: Postgres, Redis, main + 2 workers.
// See `npm run demo -- --help`.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { N8N_VERSION, cacheDir } from './lib/n8n/n8n-install.mjs';
import { StepError, elapsed, info } from './lib/common/progress.mjs';
import { cleanupNow, stopAll } from './lib/common/processes.mjs';
import { prepareRun, runExamplesHeadless, startUi } from './lib/demo/demo-run.mjs';
import { summaryLines } from './lib/demo/summary.mjs';
import { prepareQueueDemo, runExamplesQueue, workerLines } from './lib/queue/queue-demo.mjs';

const repoDir = join(dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `Usage: npm run demo [-- [--queue] [--ui] [--keep]]

  (no flag)  install n8n ${N8N_VERSION} once (cache: ${cacheDir()}), build and install this package into a
             throw-away n8n, start the provider sandbox, run every example workflow headless, print a summary
  --ui       the same set-up, then keep n8n running on localhost with an owner account (Ctrl+C stops it)
  --keep     keep the temporary n8n user folder (its path is printed) for a look afterwards
  --queue    queue mode: install Postgres and Redis if missing (apt-get, as root), start them on 127.0.0.1 with
             throw-away data, then n8n main + 2 workers sharing one encryption key and one user folder;
             the examples are started by webhooks on main and the summary says which worker ran each.
             With --ui the cluster keeps running. The end of the run or Ctrl+C stops everything.

Environment: N8N_ESIM_CACHE overrides the cache folder.`;

async function main() {
	const args = process.argv.slice(2);
	if (args.includes('--help') || args.includes('-h')) {
		info(USAGE);
		return 0;
	}
	const unknown = args.filter((arg) => !['--ui', '--keep', '--queue'].includes(arg));
	if (unknown.length) throw new StepError(`unknown option ${unknown.join(' ')}\n\n${USAGE}`);
	const ui = args.includes('--ui');
	const keep = args.includes('--keep');
	if (args.includes('--queue')) return await queueDemo({ ui, keep });

	info(
		`n8n-nodes-esim demo: real n8n ${N8N_VERSION} + the local eSIMTrade / eSIM Distribute sandbox\n`,
	);
	const ctx = await prepareRun(repoDir, { keep });

	if (ui) {
		const server = await startUi(ctx);
		info('');
		info(`n8n is running at ${server.url}  (started in ${elapsed()})`);
		info(`  Log in with   ${server.owner.email} / ${server.owner.password}`);
		info(`  Workflows     ${ctx.workflows.map((wf) => `"${wf.name}"`).join(', ')}`);
		info(
			`  Credentials   ${ctx.credentials.map((c) => `"${c.name}"`).join(', ')} → sandbox ${ctx.sandbox.url}`,
		);
		info(`  Sandbox admin ${ctx.sandbox.url}/__admin/health (see sandbox/README.md)`);
		info('Press Ctrl+C to stop n8n and the sandbox.');
		await new Promise(() => {}); // until SIGINT/SIGTERM (handled in lib/common/processes.mjs)
	}

	const results = await runExamplesHeadless(ctx);
	info('');
	info('Summary');
	for (const line of summaryLines(results, { kept: keep })) info(`  ${line}`);
	info('');
	if (keep) info(`n8n user folder kept at ${ctx.folder.dir}`);
	info(`Done in ${elapsed()}.`);
	return 0;
}

async function queueDemo({ ui, keep }) {
	info(
		`n8n-nodes-esim demo in queue mode: real n8n ${N8N_VERSION} (main + 2 workers, Postgres, Redis) + the local sandbox\n`,
	);
	const ctx = await prepareQueueDemo(repoDir, { keep });
	if (ui) {
		info('');
		info(`n8n (queue mode) is running at ${ctx.cluster.url}  (started in ${elapsed()})`);
		info(`  Log in with   ${ctx.client.owner.email} / ${ctx.client.owner.password}`);
		info(
			`  Workers       ${ctx.cluster.workers.map((w) => `${w.name} (log ${ctx.folder.dir}/${w.name}.log)`).join(', ')}`,
		);
		info(
			`  Webhooks      ${ctx.workflows
				.map(
					(wf) =>
						wf.nodes.find((n) => n.type === 'n8n-nodes-base.webhook' && !n.disabled)?.parameters
							.path,
				)
				.filter(Boolean)
				.map((p) => `POST ${ctx.cluster.url}/webhook/${p}`)
				.join('\n                ')}`,
		);
		info(
			`  Postgres      127.0.0.1:${ctx.services.postgres.port}, Redis 127.0.0.1:${ctx.services.redis.port} (throw-away)`,
		);
		info('Press Ctrl+C to stop n8n, the workers, Postgres, Redis and the sandbox.');
		await new Promise(() => {});
	}
	const results = await runExamplesQueue(ctx);
	info('');
	info('Summary');
	for (const line of workerLines(ctx, results)) info(`  ${line}`);
	for (const line of summaryLines(results, { kept: keep })) info(`  ${line}`);
	info('');
	if (keep) info(`n8n user folder kept at ${ctx.folder.dir}`);
	info(`Done in ${elapsed()}.`);
	return 0;
}

main()
	.then(async (code) => {
		await stopAll();
		cleanupNow();
		process.exit(code);
	})
	.catch(async (error) => {
		await stopAll().catch(() => {});
		process.stderr.write(`\nDemo failed: ${error.message}\n`);
		if (error.details) process.stderr.write(`${String(error.details).replace(/^/gm, '  | ')}\n`);
		if (!(error instanceof StepError) && error.stack) process.stderr.write(`${error.stack}\n`);
		cleanupNow();
		process.exit(1);
	});
