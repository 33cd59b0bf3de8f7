// n8n in queue mode: one main (`n8n start`: UI, REST, webhooks, schedules, poll triggers) and `n8n worker`
// processes that run the executions, all sharing one user folder (the community package is installed there
// once and every process loads it at start), one N8N_ENCRYPTION_KEY, one Postgres and one Redis.
// Each process gets its own task-broker port; each worker its own health port. Worker logs tell which
// worker ran which execution (`Worker started execution N`).
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import ky from 'ky';
import { freePort, startService, stop, waitFor } from '../common/processes.mjs';
import { queueModeDefaults } from '../n8n/n8n-defaults.mjs';
import { withHostname } from './hostname.mjs';

/**
 * What every n8n process of a queue-mode run needs on top of the user folder's own environment.
 * `fastLockExpiry` shortens Bull's job lock so a job whose worker died is failed in ~20 s instead of ~90 s.
 */
export function queueEnv(services, paths, { fastLockExpiry = false } = {}) {
	return {
		...services.env,
		// The task runner (Code node) is spawned as plain `node`: the cached Node 24 comes first.
		PATH: `${join(paths.nodeHome, 'bin')}:${process.env.PATH}`,
		// Queue mode's default, named so it is never a surprise: binary data (QR PNGs) lives in Postgres,
		// where main and every worker can read it.
		N8N_DEFAULT_BINARY_DATA_MODE: 'database',
		N8N_LOG_LEVEL: 'info',
		// N8N_ESIM_DEFAULTS=3.0: n8n 3.0's defaults (manual executions on the workers; see n8n-defaults.mjs).
		...queueModeDefaults(),
		...(fastLockExpiry
			? {
					QUEUE_WORKER_LOCK_DURATION: '20000',
					QUEUE_WORKER_LOCK_RENEW_TIME: '5000',
					QUEUE_WORKER_STALLED_INTERVAL: '10000',
				}
			: {}),
	};
}

const ok = async (url) =>
	(await ky.get(url, { retry: 0, timeout: 2000, throwHttpErrors: false })).ok;

/** Finds `Worker started/finished execution N` in a worker's output as it arrives. */
function trackExecutions(child, proc) {
	let rest = '';
	const onData = (chunk) => {
		const lines = (rest + chunk).split('\n');
		rest = lines.pop();
		for (const line of lines) {
			let m = /Worker started execution (\d+)/.exec(line);
			if (m) proc.started.add(m[1]);
			m = /Worker finished execution (\d+)/.exec(line);
			if (m) proc.finished.add(m[1]);
		}
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
}

function logTo(folder, name) {
	return createWriteStream(join(folder.dir, `${name}.log`), { flags: 'a' });
}

/**
 * `n8n start` in queue mode on a free port; resolves once `/healthz/readiness` answers.
 * @param {any} folder
 * @param {{ port?: number }} [options]
 */
export async function startMain(folder, { port } = {}) {
	const listenPort = port ?? (await freePort());
	const env = {
		...folder.env,
		N8N_PORT: String(listenPort),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: 'localhost',
		N8N_EDITOR_BASE_URL: `http://localhost:${listenPort}`,
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
	};
	const child = startService(folder.paths.node, [folder.paths.n8nBin, 'start'], {
		env,
		logStream: logTo(folder, 'main'),
	});
	const started = Date.now();
	await waitFor(() => ok(`http://127.0.0.1:${listenPort}/healthz/readiness`), {
		child,
		timeoutMs: 600_000,
		intervalMs: 500,
		what: 'n8n main (n8n start)',
	});
	return {
		name: 'main',
		url: `http://localhost:${listenPort}`,
		port: listenPort,
		child,
		readyMs: Date.now() - started,
		stop: () => stop(child, 15_000),
	};
}

/** `n8n worker --concurrency=<n>` with its health server on a free port; resolves once it is ready. */
export async function startWorker(folder, name, { concurrency = 5 } = {}) {
	const healthPort = await freePort();
	const env = {
		...folder.env,
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		QUEUE_HEALTH_CHECK_ACTIVE: 'true',
		QUEUE_HEALTH_CHECK_PORT: String(healthPort),
		N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
	};
	// Its own hostname, so n8n gives each worker its own host id (see hostname.mjs).
	const hostname = `n8n-esim-${name}`;
	const start = withHostname(
		folder.paths.node,
		[folder.paths.n8nBin, 'worker', `--concurrency=${concurrency}`],
		hostname,
	);
	const child = startService(start.cmd, start.args, {
		env: { ...env, ...start.env },
		logStream: logTo(folder, name),
	});
	const proc = {
		name,
		child,
		healthPort,
		hostname,
		hostnameBy: start.how,
		started: new Set(),
		finished: new Set(),
	};
	trackExecutions(child, proc);
	const t0 = Date.now();
	await waitFor(() => ok(`http://127.0.0.1:${healthPort}/healthz/readiness`), {
		child,
		timeoutMs: 600_000,
		intervalMs: 500,
		what: `n8n ${name}`,
	});
	proc.readyMs = Date.now() - t0;
	proc.stop = () => stop(child, 35_000);
	return proc;
}

/**
 * Main plus `workers` workers, started together. Returns a handle:
 * { main, workers, url, restartMain(), addWorker(), killWorker(name), whoRan(id), stop() }.
 * @param {any} folder
 * @param {{ workers?: number, concurrency?: number, port?: number }} [options]
 */
export async function startCluster(folder, { workers = 2, concurrency = 5, port } = {}) {
	const [main, ...ws] = await Promise.all([
		startMain(folder, { port }),
		...Array.from({ length: workers }, (_, i) =>
			startWorker(folder, `worker${i + 1}`, { concurrency }),
		),
	]);
	const cluster = {
		main,
		workers: ws,
		retired: [],
		get url() {
			return cluster.main.url;
		},
		/** Stops main (SIGTERM) and starts it again on the same port; resolves { downMs, readyMs }. */
		async restartMain() {
			const t0 = Date.now();
			await cluster.main.stop();
			const downAt = Date.now();
			cluster.main = await startMain(folder, { port: cluster.main.port });
			return { stopMs: downAt - t0, readyMs: cluster.main.readyMs };
		},
		async addWorker(name = `worker${cluster.workers.length + cluster.retired.length + 1}`) {
			const w = await startWorker(folder, name, { concurrency });
			cluster.workers.push(w);
			return w;
		},
		/** SIGKILL to the worker's whole process group (the worker and its task runner), no goodbye. */
		async killWorker(worker) {
			const exited = new Promise((resolve) => worker.child.once('exit', resolve));
			try {
				process.kill(-worker.child.pid, 'SIGKILL');
			} catch {
				worker.child.kill('SIGKILL');
			}
			await exited;
			cluster.workers = cluster.workers.filter((w) => w !== worker);
			cluster.retired.push(worker);
		},
		/** Names of the workers whose log says they started execution `id`. */
		whoRan(id) {
			return [...cluster.workers, ...cluster.retired]
				.filter((w) => w.started.has(String(id)))
				.map((w) => w.name);
		},
		async stop() {
			await Promise.all([cluster.main.stop(), ...cluster.workers.map((w) => w.stop())]);
		},
	};
	return cluster;
}

/** Activates (publishes) a workflow on the running main through its REST API; it takes effect at once. */
export async function activateWorkflow(client, workflowId) {
	const { data } = await client.get(`workflows/${workflowId}`);
	await client.post(`workflows/${workflowId}/activate`, { versionId: data.versionId });
}

/**
 * Waits until main serves the production webhook `path` (readiness comes before registration): a GET on a
 * POST-only webhook says "Did you mean to make a POST request?" once it is registered.
 */
export async function waitForWebhook(baseUrl, path, { timeoutMs = 60_000 } = {}) {
	const url = `${baseUrl.replace('localhost', '127.0.0.1')}/webhook/${path}`;
	await waitFor(
		async () =>
			/Did you mean/.test(
				await (await ky.get(url, { retry: 0, timeout: 5000, throwHttpErrors: false })).text(),
			),
		{
			timeoutMs,
			intervalMs: 300,
			what: `webhook ${path}`,
		},
	);
}
