import { gzipSync } from 'node:zlib';

import { hidePasswords, MASK_PATTERNS } from '../../nodes/shared/input/validation';
import { scrub, SCRUB_PATTERNS } from '../../nodes/shared/transport/errors';
import { checkoutOf, distributeAt, tradeAt } from './nodes';
import { figure, startHostile, type Hostile, type Handler } from './recordingServer';

/**
 * Regular expressions run over text the node does not control: the provider's
 * error text (scrubbed of credentials) and rejected input (URL passwords
 * masked). Each must be linear in its input: timed on 1 MB of the inputs that
 * make a backtracking pattern quadratic, with a generous bound (a quadratic
 * pattern takes minutes on 1 MB; a linear one milliseconds).
 */

const MB = 1024 * 1024;
/** Per pattern and input, on 1 MB; generous for a shared, busy machine. */
const LIMIT_MS = 1000;

const fill = (unit: string, size = MB) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** The inputs that make a backtracking pattern re-read the text from many starting points. */
const HOSTILE: Record<string, string> = {
	'secret repeated': fill('secret'),
	'secret_ then no colon': `secret${fill('_')}`,
	'bearer repeated': fill('bearer '),
	'bearer, spaces, nothing': `bearer${fill(' ')}`,
	'token: repeated': fill('token:'),
	'password and spaces': fill('password '),
	'authorization" and tabs': fill('authorization"\t'),
	'//user:pass without @': `//${fill('a:')}`,
	'colons after //': `//${fill(':')}`,
	slashes: fill('/'),
	'//a: repeated': fill('//a:'),
	'letters only': fill('x'),
};

/** CPU time of one synchronous run, in ms (a busy machine stretches wall time, not this). */
function timed(run: () => unknown): number {
	const before = process.cpuUsage();
	run();
	const used = process.cpuUsage(before);
	return (used.user + used.system) / 1000;
}

describe('regular expressions over untrusted text stay linear (1 MB inputs)', () => {
	const patterns: Array<[string, RegExp]> = [
		...SCRUB_PATTERNS.map((pattern, n): [string, RegExp] => [`scrub #${n + 1}`, pattern]),
		...MASK_PATTERNS.map((pattern, n): [string, RegExp] => [`mask #${n + 1}`, pattern]),
	];

	for (const [name, pattern] of patterns) {
		it(`${name} ${pattern.source.slice(0, 40)}… runs in under ${LIMIT_MS} ms on each hostile 1 MB input`, () => {
			const times: Record<string, number> = {};
			for (const [input, text] of Object.entries(HOSTILE)) {
				times[input] = Math.round(timed(() => text.replace(pattern, '$1x')));
			}
			figure(`pattern time on 1 MB, ${name}`, { maxMs: Math.max(...Object.values(times)), times });
			for (const ms of Object.values(times)) expect(ms).toBeLessThan(LIMIT_MS);
		});
	}

	it('scrub and hidePasswords as a whole are fast on 1 MB and still hide what they hide', () => {
		const scrubMs = Math.max(...Object.values(HOSTILE).map((text) => timed(() => scrub(text))));
		const maskMs = Math.max(
			...Object.values(HOSTILE).map((text) => timed(() => hidePasswords(text))),
		);
		figure('scrub and hidePasswords on 1 MB', {
			scrubMs: Math.round(scrubMs),
			hidePasswordsMs: Math.round(maskMs),
		});
		expect(scrubMs).toBeLessThan(LIMIT_MS);
		expect(maskMs).toBeLessThan(LIMIT_MS);
		expect(scrub(`${'x'.repeat(MB)}`)).toHaveLength(500);
		expect(scrub('token: abc123, secretKey="s3cr3t" Bearer eyJ.x.y')).toBe(
			'token: [redacted], secretKey=[redacted] Bearer [redacted]',
		);
		expect(hidePasswords('"https://shop:hunter2@example.com/ok"')).toBe(
			'"https://shop:***@example.com/ok"',
		);
		// A text cut inside a URL's password: the part that is left is masked all the same.
		expect(hidePasswords('"https://shop:hunter2-and-mo', true)).toBe('"https://shop:***');
	});
});

/**
 * CPU time this process spent since `before`, in ms: what a backtracking pattern burns, unlike wall time, which
 * other processes on a busy machine stretch.
 */
function cpuMsSince(before: NodeJS.CpuUsage): number {
	const used = process.cpuUsage(before);
	return Math.round((used.user + used.system) / 1000);
}

describe('through n8n: hostile text does not block the event loop', () => {
	let server: Hostile;
	let answer: Handler;
	beforeAll(async () => {
		server = await startHostile((req, res) => answer(req, res));
	});
	afterAll(async () => await server.close());

	it('eSIMTrade: a small compressed 400 whose text is "secret" about 50,000 times is answered at once', async () => {
		const text = JSON.stringify({ error: fill('secret', 300 * 1024) });
		const wire = gzipSync(text, { level: 9 });
		answer = (_req, res) => {
			res.writeHead(400, {
				'content-type': 'application/json',
				'content-encoding': 'gzip',
				'content-length': wire.length,
			});
			res.end(wire);
		};
		const started = Date.now();
		const cpuBefore = process.cpuUsage();
		const { error } = await tradeAt(`${server.origin}/api/v1`).run({
			resource: 'wallet',
			operation: 'getBalance',
		});
		const ms = Date.now() - started;
		const cpuMs = cpuMsSince(cpuBefore);
		figure('compressed 400 with a hostile text', {
			wireBytes: wire.length,
			decodedBytes: text.length,
			ms,
			cpuMs,
			messageLength: String(error?.message ?? '').length,
		});
		expect(error?.message).toMatch(/^eSIMTrade rejected the request as invalid: secretsecret/);
		expect(String(error?.message).length).toBeLessThan(700);
		expect(cpuMs).toBeLessThan(2000);
	});

	it('eSIM Distribute Checkout: a 300 kB rejected email full of "//a:" is shown at once, shortened and masked', async () => {
		answer = (_req, res) => {
			res.writeHead(500);
			res.end();
		};
		server.received.length = 0;
		const email = `//${fill('a:', 300 * 1024)}`;
		const started = Date.now();
		const cpuBefore = process.cpuUsage();
		const { error } = await distributeAt(server.origin).run(checkoutOf(email));
		const ms = Date.now() - started;
		const cpuMs = cpuMsSince(cpuBefore);
		figure('rejected 300 kB input with //a:', {
			ms,
			cpuMs,
			message: String(error?.message ?? '').slice(0, 120),
		});
		expect(error?.message).toBe('Customer Email: is too long (got "//a:***)');
		expect(server.received).toEqual([]);
		expect(cpuMs).toBeLessThan(2000);
	});

	it('a rejected URL whose password runs past the shown part is masked, not cut', async () => {
		const email = `https://shop:${'p'.repeat(300)}@example.com`;
		const { error } = await distributeAt(server.origin).run(checkoutOf(email));
		expect(error?.message).toContain('https://shop:***');
		expect(error?.message).not.toContain('ppp');
	});
});
