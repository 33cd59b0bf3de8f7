import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../sandbox';
import { tradeAt, TRADE_ORDER as ORDER } from './nodes';
import { figure, json, selfSignedCert, startHostile, type Tls } from './recordingServer';

/**
 * The provider over real TLS, with a self-signed certificate made for this
 * run. Trusted the way n8n documents for a private authority
 * (NODE_EXTRA_CA_CERTS, in a process started for it), the node works and
 * still refuses a redirect to another origin; untrusted, the certificate is
 * refused with an error that says so, once, and a purchase says nothing was sent.
 */

const CHILD = join(__dirname, 'tls', 'child.ts');
const ROOT = join(__dirname, '..', '..');

interface ChildResult {
	items: IDataObject[];
	error: { message: string; description?: string } | null;
}

/** Runs node steps in a new jest process that trusts `certFile` through NODE_EXTRA_CA_CERTS. */
async function runTrusted(
	certFile: string,
	steps: Array<{ baseUrl: string; parameters: IDataObject }>,
): Promise<ChildResult[]> {
	const out = join(dirname(certFile), 'result.json');
	const env = {
		...process.env,
		NODE_EXTRA_CA_CERTS: certFile,
		ESIM_TLS_STEPS: JSON.stringify(steps),
		ESIM_TLS_OUT: out,
	};
	const jest = join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
	await new Promise<void>((resolve, reject) => {
		execFile(
			process.execPath,
			[jest, '-c', 'jest.faults.config.js', '--runInBand', '--testMatch', CHILD],
			{ cwd: ROOT, env, timeout: 150_000, maxBuffer: 16 * 1024 * 1024 },
			(error, _out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve()),
		);
	});
	return JSON.parse(readFileSync(out, 'utf8')) as ChildResult[];
}

const BALANCE = { resource: 'wallet', operation: 'getBalance' };

describe('hostile provider: TLS', () => {
	let cert: Tls;
	let dir: string;
	let certFile: string;
	let sandbox: Sandbox;
	beforeAll(async () => {
		cert = selfSignedCert();
		dir = mkdtempSync(join(tmpdir(), 'esim-tls-'));
		certFile = join(dir, 'ca.pem');
		writeFileSync(certFile, cert.cert);
		sandbox = await startSandbox({ port: 0, tls: cert });
	});
	afterAll(async () => {
		await sandbox.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('trusted through NODE_EXTRA_CA_CERTS: balance and a purchase over https; a redirect to another https origin is refused', async () => {
		const other = await startHostile(
			(_req, res) => json(res, 200, { data: { walletBalanceUsd: '999.00' } }),
			cert,
		);
		const moved = await startHostile((req, res) => {
			res.writeHead(307, { location: `${other.origin}${req.url}` });
			res.end();
		}, cert);
		try {
			const [balance, order, redirect] = await runTrusted(certFile, [
				{ baseUrl: sandbox.tradeBaseUrl, parameters: BALANCE },
				{ baseUrl: sandbox.tradeBaseUrl, parameters: ORDER },
				{ baseUrl: `${moved.origin}/api/v1`, parameters: BALANCE },
			]);
			figure('TLS trusted', {
				balance: balance.items[0] ?? null,
				orderNo: order.items[0]?.orderNo ?? null,
				redirect: redirect.items[0]?.error ?? null,
				otherOriginRequests: other.received.length,
			});
			expect(sandbox.tradeBaseUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
			expect(balance.error).toBeNull();
			expect(JSON.stringify(balance.items[0])).toMatch(/[Bb]alance/);
			expect(order.error).toBeNull();
			expect(String(order.items[0]?.orderNo)).toMatch(/^B\d+/);
			expect(String(redirect.items[0]?.error)).toContain(`redirect (HTTP 307) to ${other.origin}`);
			expect(moved.received).toHaveLength(1);
			expect(other.received).toEqual([]);
		} finally {
			await other.close();
			await moved.close();
		}
	}, 180_000);

	describe('an untrusted certificate', () => {
		let server: Server;
		let origin: string;
		let connections = 0;
		beforeAll(async () => {
			server = createServer(cert, (_req, res) => {
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end('{"data":{"walletBalanceUsd":"1.00"}}');
			});
			server.on('connection', () => connections++);
			await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
			origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
		});
		afterAll(async () => await new Promise<void>((resolve) => server.close(() => resolve())));
		beforeEach(() => {
			connections = 0;
		});

		it('a read says the certificate was refused and is not tried again', async () => {
			const { error } = await tradeAt(`${origin}/api/v1`).run(BALANCE);
			figure('TLS untrusted balance', { connections, error: error?.message ?? null });
			expect(error?.message).toBe(
				'The TLS certificate of eSIMTrade was refused (DEPTH_ZERO_SELF_SIGNED_CERT), so nothing was sent',
			);
			expect(connections).toBe(1);
		});

		it('a purchase that failed in the handshake says nothing was sent, not "outcome unknown"', async () => {
			const { items } = await tradeAt(`${origin}/api/v1`).run(ORDER, [{}], {
				onError: 'continueRegularOutput',
			});
			const out = items[0]?.json ?? {};
			figure('TLS untrusted purchase', { connections, error: out.error ?? null });
			expect(String(out.error)).toMatch(/^The TLS certificate of eSIMTrade was refused/);
			expect(String(out.error)).not.toMatch(/Outcome unknown/i);
			expect(String(out.description)).toMatch(/nothing was carried out/);
			expect(connections).toBe(1);
		});
	});
});
