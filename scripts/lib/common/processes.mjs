// Child processes: run-to-completion commands, long-running services, free ports, and cleanup
// that leaves nothing behind (children are killed on exit, SIGINT and SIGTERM; temp dirs removed).
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';

const children = new Set();
const cleanups = [];
let installed = false;

/** Registers a cleanup callback run once on exit or signal (last registered runs first). */
export function onCleanup(fn) {
	installHandlers();
	cleanups.push(fn);
}

/** Removes a directory at cleanup time. */
export function removeOnCleanup(dir) {
	onCleanup(() => rmSync(dir, { recursive: true, force: true }));
}

function killChild(child, signal = 'SIGTERM') {
	if (child.exitCode !== null || child.signalCode !== null) return;
	try {
		// Each service runs in its own process group: kill the whole group (tsx, node, n8n's task runner).
		process.kill(-child.pid, signal);
	} catch {
		try {
			child.kill(signal);
		} catch {
			/* already gone */
		}
	}
}

/** Synchronous last-resort cleanup: kill every child still running and run the callbacks. */
export function cleanupNow() {
	for (const child of children) killChild(child, 'SIGKILL');
	children.clear();
	while (cleanups.length) {
		const fn = cleanups.pop();
		try {
			fn();
		} catch {
			/* best effort */
		}
	}
}

function installHandlers() {
	if (installed) return;
	installed = true;
	process.on('exit', cleanupNow);
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.on(signal, () => {
			process.stdout.write(`\n${signal} received — stopping child processes …\n`);
			stopAll().finally(() => {
				cleanupNow();
				process.exit(signal === 'SIGINT' ? 130 : 143);
			});
		});
	}
}

/** Gracefully stops every tracked child (SIGTERM, then SIGKILL after `graceMs`). */
export async function stopAll(graceMs = 5000) {
	await Promise.all([...children].map((child) => stop(child, graceMs)));
}

/** Stops one child: SIGTERM to its process group, SIGKILL if still alive after `graceMs`. */
export async function stop(child, graceMs = 5000) {
	if (!child || child.exitCode !== null || child.signalCode !== null) {
		children.delete(child);
		return;
	}
	const exited = new Promise((resolve) => child.once('exit', resolve));
	killChild(child, 'SIGTERM');
	const timer = setTimeout(() => killChild(child, 'SIGKILL'), graceMs);
	await exited;
	clearTimeout(timer);
	children.delete(child);
}

/** @typedef {Error & { details?: string }} DetailedError */
/** @typedef {import('node:child_process').ChildProcess & { output?: string }} Service */

/**
 * Runs a command to completion and collects its output.
 * Resolves { code, stdout, stderr }; rejects with the output's tail when `check` and the code is not 0.
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, check?: boolean, timeoutMs?: number, onLine?: (line: string) => void }} [options]
 * @returns {Promise<{ code: number, stdout: string, stderr: string }>}
 */
export function run(cmd, args, { cwd, env, check = true, timeoutMs = 15 * 60_000, onLine } = {}) {
	installHandlers();
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, {
			cwd,
			env: env ?? process.env,
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		children.add(child);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => {
			stdout += d;
			if (onLine) for (const line of String(d).split('\n')) if (line.trim()) onLine(line);
		});
		child.stderr.on('data', (d) => (stderr += d));
		const timer = setTimeout(() => {
			killChild(child, 'SIGKILL');
			stderr += `\n[timed out after ${timeoutMs / 1000} s]`;
		}, timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			children.delete(child);
			reject(error);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			children.delete(child);
			const result = { code: code ?? (signal ? 128 : 1), stdout, stderr };
			if (check && result.code !== 0) {
				const tail = `${stdout}\n${stderr}`.trim().split('\n').slice(-25).join('\n');
				reject(
					Object.assign(
						new Error(`\`${[cmd, ...args].join(' ')}\` exited with ${signal ?? code}`),
						{ details: tail },
					),
				);
			} else resolve(result);
		});
	});
}

/**
 * Starts a long-running process in its own process group; its output goes to `logStream` (or is dropped).
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, logStream?: import('node:stream').Writable }} [options]
 * @returns {Service}
 */
export function startService(cmd, args, { cwd, env, logStream } = {}) {
	installHandlers();
	/** @type {Service} */
	const child = spawn(cmd, args, {
		cwd,
		env: env ?? process.env,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	children.add(child);
	child.output = '';
	const keep = (d) => {
		child.output = (child.output + d).slice(-64_000);
		logStream?.write(d);
	};
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);
	child.on('exit', () => children.delete(child));
	return child;
}

const RUN_CONTEXT =
	/^(npm_package_|npm_lifecycle_)|^(npm_command|npm_execpath|npm_node_execpath|npm_config_local_prefix|npm_config_call|npm_config_user_agent|npm_config_npm_version|INIT_CWD|NODE_ENV|NODE_OPTIONS|NODE_PATH|JEST_WORKER_ID)$/;

/**
 * This process's environment without what describes how it was started: `npm run`'s package and
 * lifecycle variables (they would point a nested npm at this repo), NODE_ENV=test and NODE_OPTIONS
 * set by jest, and so on. The user's npm settings (registry, proxy, cache, …) are kept.
 */
export function inheritedEnv(dropPrefixes = []) {
	return Object.fromEntries(
		Object.entries(process.env).filter(
			([k]) => !RUN_CONTEXT.test(k) && !dropPrefixes.some((prefix) => k.startsWith(prefix)),
		),
	);
}

/** Asks the OS for a free TCP port on 127.0.0.1. */
export function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
			server.close(() => resolve(port));
		});
	});
}

/**
 * Polls `probe` (async, truthy = ready) until it succeeds, the child dies, or `timeoutMs` passes.
 * @param {() => Promise<unknown>} probe
 * @param {{ timeoutMs?: number, intervalMs?: number, child?: Service, what?: string }} [options]
 */
export async function waitFor(
	probe,
	{ timeoutMs = 60_000, intervalMs = 300, child, what = 'service' } = {},
) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child && (child.exitCode !== null || child.signalCode !== null)) {
			throw Object.assign(
				new Error(`${what} exited early (code ${child.exitCode ?? child.signalCode})`),
				{
					details: child.output?.trim().split('\n').slice(-25).join('\n'),
				},
			);
		}
		try {
			if (await probe()) return;
		} catch {
			/* not ready yet */
		}
		await new Promise((r) => setTimeout(r, intervalMs));
	}
	throw Object.assign(new Error(`${what} was not ready after ${timeoutMs / 1000} s`), {
		details: child?.output?.trim().split('\n').slice(-25).join('\n'),
	});
}
