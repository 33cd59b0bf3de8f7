// Runs the cached n8n against a throw-away user folder: environment, community-package install,
// imports, headless `n8n execute` (with its JSON cut out of the log), and `n8n start` as a service.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ky from 'ky';
import {
	freePort,
	inheritedEnv,
	removeOnCleanup,
	run,
	startService,
	stop,
	waitFor,
} from '../common/processes.mjs';
import { regularModeDefaults } from './n8n-defaults.mjs';

/**
 * A fresh user folder (`<dir>/.n8n`) and the environment every n8n command of it gets.
 * `keep` leaves the folder in place at exit (for debugging); otherwise it is removed.
 */
export async function createUserFolder(paths, { keep = false, prefix = 'n8n-esim-demo-' } = {}) {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	if (!keep) removeOnCleanup(dir);
	const filesDir = join(dir, 'files');
	mkdirSync(filesDir, { recursive: true });
	const env = {
		// Nothing of the caller's own runtime leaks in: NODE_ENV=test (set by jest) silences n8n's logger, which
		// also prints the execution JSON; NODE_OPTIONS may carry flags meant for the caller's Node; N8N_*
		// settings of the user's own n8n do not apply to this throw-away one.
		...inheritedEnv(['N8N_']),
		N8N_USER_FOLDER: dir,
		N8N_ENCRYPTION_KEY: 'n8n-nodes-esim-demo-key',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		// Read/Write Files from Disk may only touch this folder (the export example writes here).
		N8N_RESTRICT_FILE_ACCESS_TO: filesDir,
		N8N_SECURE_COOKIE: 'false',
		// n8n 1.x warns that the settings file in the throw-away folder is world-readable.
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		GENERIC_TIMEZONE: process.env.GENERIC_TIMEZONE || 'UTC',
		TZ: process.env.TZ || 'UTC',
		// N8N_ESIM_DEFAULTS=3.0: n8n 3.0's defaults (scripts/lib/n8n/n8n-defaults.mjs).
		...regularModeDefaults(),
	};
	return { dir, filesDir, env, paths };
}

/**
 * Installs packed tarballs as community packages: `<user folder>/.n8n/nodes/node_modules/<name>`.
 * `tarballs` is one path or a list; a list is installed side by side in one `npm install`.
 * Resolves the `nodes` folder.
 */
export async function installCommunityPackage(folder, tarballs) {
	const nodesDir = join(folder.dir, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	writeFileSync(join(nodesDir, 'package.json'), '{"name":"installed-nodes","private":true}\n');
	// --omit=peer: n8n-workflow must come from n8n itself, never from a copy beside the package.
	await run(
		'npm',
		[
			'install',
			...[tarballs].flat(),
			'--omit=peer',
			'--omit=dev',
			'--ignore-scripts',
			'--no-audit',
			'--no-fund',
			'--loglevel=error',
		],
		{
			cwd: nodesDir,
			env: folder.env,
		},
	);
	return nodesDir;
}

/** Runs one n8n CLI command to completion. */
export function n8n(folder, args, opts = {}) {
	return run(folder.paths.node, [folder.paths.n8nBin, ...args], {
		env: { ...folder.env, ...opts.env },
		check: opts.check ?? true,
		timeoutMs: opts.timeoutMs ?? 5 * 60_000,
	});
}

/** Writes `items` to a JSON file in the user folder and imports it (`kind` = 'workflow' | 'credentials'). */
export async function importJson(folder, kind, items, fileName = `${kind}.json`) {
	const file = join(folder.dir, fileName);
	writeFileSync(file, JSON.stringify(items, null, 2));
	await n8n(folder, [`import:${kind}`, `--input=${file}`]);
	return file;
}

/**
 * The execution JSON that `n8n execute --rawOutput` logs: the only block between a line `{` and a line `}`.
 * Returns undefined when there is none (n8n failed before running the workflow).
 */
export function extractExecutionJson(output) {
	const lines = output.split('\n');
	const start = lines.findIndex((line) => line.trimEnd() === '{');
	if (start < 0) return undefined;
	const end = lines.findIndex((line, index) => index > start && line.trimEnd() === '}');
	if (end < 0) return undefined;
	return JSON.parse(lines.slice(start, end + 1).join('\n'));
}

/** The last meaningful lines of n8n's output, for error messages. */
export function outputTail(output, count = 15) {
	return output
		.split('\n')
		.filter(
			(line) =>
				line.trim() && !/^\s+at |Python task runner|license SDK|Legacy aes-256-cbc/.test(line),
		)
		.slice(-count)
		.join('\n');
}

/**
 * `n8n execute --id <id> --rawOutput`. Resolves { code, result, output }: `result` is the execution
 * (`status`, `data.resultData.runData`, `data.resultData.error`), undefined if n8n printed none.
 */
export async function execute(folder, workflowId) {
	const { code, stdout, stderr } = await n8n(
		folder,
		['execute', `--id=${workflowId}`, '--rawOutput'],
		{ check: false },
	);
	const output = `${stdout}\n${stderr}`;
	let result;
	try {
		result = extractExecutionJson(stdout) ?? extractExecutionJson(output);
	} catch (error) {
		throw Object.assign(
			new Error(`could not parse the execution JSON of workflow ${workflowId}: ${error.message}`),
			{
				details: outputTail(output),
			},
		);
	}
	return { code, result, output };
}

/** `[{ json }, …]` of a node's first output in a run-data object (runIndex 0 unless given). */
export function nodeItems(result, nodeName, { runIndex = 0, output = 0 } = {}) {
	const run = result?.data?.resultData?.runData?.[nodeName]?.[runIndex];
	return run?.data?.main?.[output] ?? [];
}

/** True when the node ran at all in this execution. */
export function nodeRan(result, nodeName) {
	return Boolean(result?.data?.resultData?.runData?.[nodeName]?.length);
}

/**
 * Publishes (activates) a workflow so `n8n start` runs its trigger. n8n 1.x has no `publish:workflow`;
 * it activates with `update:workflow --active=true` (which 2.x still accepts, deprecated).
 */
export function publishWorkflow(folder, workflowId) {
	const args =
		folder.paths.major >= 2
			? ['publish:workflow', `--id=${workflowId}`]
			: ['update:workflow', `--id=${workflowId}`, '--active=true'];
	return n8n(folder, args);
}

/**
 * `n8n start` on a free localhost port; resolves once `/healthz/readiness` answers (within `timeoutMs`).
 * Returns { url, port, child, stop() }; its log is kept in `<user folder>/n8n-start.log`.
 * @param {any} folder
 * @param {{ port?: number, timeoutMs?: number }} [options]
 */
export async function startN8n(folder, { port, timeoutMs = 120_000 } = {}) {
	const listenPort = port ?? (await freePort());
	const env = {
		...folder.env,
		N8N_PORT: String(listenPort),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: 'localhost',
		N8N_EDITOR_BASE_URL: `http://localhost:${listenPort}`,
	};
	const child = startService(folder.paths.node, [folder.paths.n8nBin, 'start'], { env });
	const url = `http://localhost:${listenPort}`;
	await waitFor(
		async () =>
			(
				await ky.get(`http://127.0.0.1:${listenPort}/healthz/readiness`, {
					retry: 0,
					timeout: 2000,
					throwHttpErrors: false,
				})
			).ok,
		{
			child,
			timeoutMs,
			intervalMs: 500,
			what: 'n8n start',
		},
	);
	const logFile = join(folder.dir, 'n8n-start.log');
	return {
		url,
		port: listenPort,
		child,
		log: () => child.output,
		stop: async () => {
			await stop(child, 10_000);
			writeFileSync(logFile, child.output ?? '');
		},
	};
}

/** Reads a file written by a workflow (path relative to the user folder's files dir or absolute). */
export function readWritten(folder, path) {
	return readFileSync(path.startsWith('/') ? path : join(folder.filesDir, path), 'utf8');
}
