/**
 * `npm run sandbox [-- --port N --delay ms --failure-rate x --seed n]`:
 * runs the provider sandbox in the foreground until SIGINT/SIGTERM.
 */
import { startSandbox, type StartOptions } from './index';

const USAGE =
	'Usage: tsx sandbox/cli.ts [--port N] [--host H] [--delay ms] [--failure-rate 0..1] [--seed n] [--latency [ms]]';

function parseArgs(argv: string[]): StartOptions {
	const opts: StartOptions = { port: 4010, trade: {} };
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i] as string;
		if (flag === '--help' || flag === '-h') {
			console.log(USAGE);
			process.exit(0);
		}
		const [name, inline] = flag.includes('=') ? flag.split(/=(.*)/s, 2) : [flag, undefined];
		// `--latency` alone switches latency mode on at its default (80 ms).
		if (name === '--latency' && inline === undefined && !/^\d/.test(argv[i + 1] ?? '')) {
			opts.latencyMs = true;
			continue;
		}
		const value = inline ?? argv[++i];
		const number = Number(value);
		if (value === undefined || (name !== '--host' && !Number.isFinite(number))) {
			throw new Error(`${name} needs a ${name === '--host' ? 'value' : 'number'}\n${USAGE}`);
		}
		switch (name) {
			case '--port':
				opts.port = number;
				break;
			case '--host':
				opts.host = value;
				break;
			case '--delay':
				opts.trade = { ...opts.trade, fulfilmentDelayMs: number };
				break;
			case '--failure-rate':
				opts.trade = { ...opts.trade, failureRate: number };
				break;
			case '--seed':
				opts.seed = number;
				break;
			case '--latency':
				opts.latencyMs = number;
				break;
			default:
				throw new Error(`Unknown option ${name}\n${USAGE}`);
		}
	}
	return opts;
}

function demoLogin(distribute: unknown): { email: string; password: string } | undefined {
	const creds = (distribute as { demoCredentials?: { email?: unknown; password?: unknown } })
		.demoCredentials;
	return creds && typeof creds.email === 'string' && typeof creds.password === 'string'
		? { email: creds.email, password: creds.password }
		: undefined;
}

async function main(): Promise<void> {
	const sandbox = await startSandbox(parseArgs(process.argv.slice(2)));
	const { accessCode, secretKey, fulfilmentDelayMs, failureRate } = sandbox.trade.options;
	const login = demoLogin(sandbox.distribute);
	const latency = sandbox.faults.peek().latencyMs;
	const admin = `${sandbox.url}/__admin`;
	console.log(
		[
			`Provider sandbox listening on ${sandbox.url}`,
			'',
			'eSIMTrade',
			`  Base URL     ${sandbox.tradeBaseUrl}`,
			`  Access code  ${accessCode}`,
			`  Secret key   ${secretKey}`,
			`  Fulfilment   ${fulfilmentDelayMs} ms, failure rate ${failureRate}`,
			'',
			`Latency mode  ${latency > 0 ? `${latency} ms added to every provider request` : 'off'}`,
			'',
			'eSIM Distribute',
			`  Base URL     ${sandbox.distributeBaseUrl}`,
			...(login ? [`  Login        ${login.email} / ${login.password}`] : []),
			'',
			'Admin',
			`  GET  ${admin}/health`,
			`  POST ${admin}/reset`,
			`  GET|POST ${admin}/faults          ({"clear":true} clears)`,
			`  GET|POST ${admin}/latency         ({} = 80 ms, {"ms":n}, {"on":false})`,
			`  GET  ${admin}/requests?provider=&path=`,
			`  POST ${admin}/requests/clear`,
			`  ${admin}/trade/...  (wallet, ledger, orders, orders/seed, orders/<orderNo>/status, session, config, tick)`,
			`  ${admin}/distribute/...`,
			'',
			'Press Ctrl+C to stop.',
		].join('\n'),
	);
	let stopping = false;
	const stop = (signal: string): void => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${signal}: stopping the sandbox`);
		void sandbox.close().then(() => process.exit(0));
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
