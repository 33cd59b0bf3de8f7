// Postgres and Redis for n8n's queue mode: installed from Debian's packages when missing (as root,
// apt-get), then started on 127.0.0.1 with throw-away data folders that are removed at the end.
// Nothing is started through the system's service manager and no system cluster is touched.
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { freePort, onCleanup, removeOnCleanup, run, waitFor } from '../common/processes.mjs';
import { StepError, step } from '../common/progress.mjs';

export const PG_DB = { database: 'n8n', user: 'n8n', password: 'n8n-queue-pass' };

const APT_PACKAGES = { postgres: 'postgresql', redis: 'redis-server' };

function which(cmd) {
	try {
		return (
			execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim() || undefined
		);
	} catch {
		return undefined;
	}
}

/** The newest `/usr/lib/postgresql/<major>/bin` that has initdb and pg_ctl (PG_BIN overrides). */
export function postgresBin() {
	if (process.env.PG_BIN) return process.env.PG_BIN;
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const majors = readdirSync(root)
		.filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return majors.length ? join(root, majors[0], 'bin') : undefined;
}

/** Which of Postgres and Redis are missing. */
export function missingServices() {
	const missing = [];
	if (!postgresBin() || !which('psql')) missing.push('postgres');
	if (!which('redis-server') || !which('redis-cli')) missing.push('redis');
	return missing;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Installs Postgres and Redis from apt when they are missing. Needs root; without it (or when apt fails)
 * stops with the exact command to run.
 */
export async function ensureServicesInstalled() {
	const missing = missingServices();
	if (!missing.length) return { installed: [] };
	const packages = missing.map((name) => APT_PACKAGES[name]);
	const command = `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages.join(' ')}`;
	if (!isRoot() || !which('apt-get')) {
		throw new StepError(
			`queue mode needs ${packages.join(' and ')}, which are not installed, and this run cannot install them (${isRoot() ? 'no apt-get' : 'not root'}).\nInstall them with:\n  ${command}`,
		);
	}
	await step(
		`Installing ${packages.join(' and ')} (apt-get, once per machine)`,
		async () => {
			// DEBIAN_FRONTEND: no prompts; policy-rc.d in containers refuses to start the services, which is fine.
			const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
			const lock = ['-o', 'DPkg::Lock::Timeout=600'];
			try {
				await run('apt-get', [...lock, 'update'], { env, timeoutMs: 10 * 60_000 });
				await run('apt-get', [...lock, 'install', '-y', '--no-install-recommends', ...packages], {
					env,
					timeoutMs: 15 * 60_000,
				});
			} catch (error) {
				throw new StepError(
					`apt-get could not install ${packages.join(' and ')}: ${error.message}\nInstall them with:\n  ${command}`,
					error.details,
				);
			}
			const still = missingServices();
			if (still.length)
				throw new StepError(
					`after apt-get, still missing: ${still.join(', ')}\nInstall them with:\n  ${command}`,
				);
			return { note: packages.join(', ') };
		},
		'20–60 s',
	);
	return { installed: packages };
}

/** `su postgres -c …` (initdb and the server refuse to run as root). */
function asPostgres(command, opts = {}) {
	return isRoot()
		? run('su', ['postgres', '-s', '/bin/sh', '-c', command], opts)
		: run('sh', ['-c', command], opts);
}

/**
 * A throw-away Postgres cluster on 127.0.0.1:<free port> with database `n8n` owned by user `n8n`.
 * Stopped (fast) and its folder removed at cleanup. Returns { port, dir, env, stop() }.
 */
export async function startPostgres() {
	const bin = postgresBin();
	const dir = mkdtempSync(join(tmpdir(), 'n8n-esim-pg-'));
	chmodSync(dir, 0o755);
	removeOnCleanup(dir);
	const data = join(dir, 'data');
	if (isRoot()) {
		const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
		const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
		chownSync(dir, uid, gid);
	}
	const port = await freePort();
	await asPostgres(`${bin}/initdb -D ${data} -U postgres --auth=trust -E UTF8 --no-locale`);
	const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
	await asPostgres(`${bin}/pg_ctl -D ${data} -l ${dir}/postgres.log -o '${opts}' -w start`);
	let stopped = false;
	const stop = async () => {
		if (stopped) return;
		stopped = true;
		await asPostgres(`${bin}/pg_ctl -D ${data} -m fast -w stop`, { check: false });
	};
	onCleanup(() => {
		if (!stopped)
			execFileSync(
				'sh',
				[
					'-c',
					isRoot()
						? `su postgres -s /bin/sh -c '${bin}/pg_ctl -D ${data} -m immediate -w stop'`
						: `${bin}/pg_ctl -D ${data} -m immediate -w stop`,
				],
				{ stdio: 'ignore' },
			);
	});
	const psql = (sql) =>
		run('psql', ['-q', '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-c', sql]);
	await psql(`CREATE USER ${PG_DB.user} PASSWORD '${PG_DB.password}'`);
	await psql(`CREATE DATABASE ${PG_DB.database} OWNER ${PG_DB.user}`);
	const query = async (sql) =>
		(
			await run('psql', [
				'-At',
				'-h',
				'127.0.0.1',
				'-p',
				String(port),
				'-U',
				'postgres',
				'-d',
				PG_DB.database,
				'-c',
				sql,
			])
		).stdout.trim();
	const env = {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(port),
		DB_POSTGRESDB_DATABASE: PG_DB.database,
		DB_POSTGRESDB_USER: PG_DB.user,
		DB_POSTGRESDB_PASSWORD: PG_DB.password,
	};
	return { port, dir, env, query, stop };
}

/** A throw-away Redis on 127.0.0.1:<free port>, nothing saved to disk. Returns { port, env, cli(), stop() }. */
export async function startRedis() {
	const dir = mkdtempSync(join(tmpdir(), 'n8n-esim-redis-'));
	mkdirSync(dir, { recursive: true });
	removeOnCleanup(dir);
	const port = await freePort();
	const pidfile = join(dir, 'redis.pid');
	await run('redis-server', [
		'--port',
		String(port),
		'--bind',
		'127.0.0.1',
		'--save',
		'',
		'--appendonly',
		'no',
		'--dir',
		dir,
		'--daemonize',
		'yes',
		'--pidfile',
		pidfile,
		'--logfile',
		join(dir, 'redis.log'),
	]);
	const cli = async (...args) =>
		(await run('redis-cli', ['-p', String(port), ...args])).stdout.trim();
	await waitFor(async () => (await cli('ping')) === 'PONG', {
		what: 'redis-server',
		timeoutMs: 20_000,
	});
	let stopped = false;
	const stop = async () => {
		if (stopped) return;
		stopped = true;
		await run('redis-cli', ['-p', String(port), 'shutdown', 'nosave'], { check: false });
	};
	onCleanup(() => {
		if (!stopped)
			execFileSync('redis-cli', ['-p', String(port), 'shutdown', 'nosave'], { stdio: 'ignore' });
	});
	return {
		port,
		dir,
		cli,
		stop,
		env: { QUEUE_BULL_REDIS_HOST: '127.0.0.1', QUEUE_BULL_REDIS_PORT: String(port) },
	};
}

/** Installs what is missing, then starts both. Returns { postgres, redis, env, stop() }. */
export async function startServices() {
	await ensureServicesInstalled();
	const [postgres, redis] = await step(
		'Starting Postgres and Redis on 127.0.0.1 (throw-away data folders)',
		async () => {
			const both = await Promise.all([startPostgres(), startRedis()]);
			return Object.assign(both, { note: `postgres :${both[0].port}, redis :${both[1].port}` });
		},
	);
	return {
		postgres,
		redis,
		env: { EXECUTIONS_MODE: 'queue', ...postgres.env, ...redis.env },
		stop: async () => {
			await redis.stop();
			await postgres.stop();
		},
	};
}
