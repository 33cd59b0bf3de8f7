import tls from 'node:tls';

import {
	checkoutOf,
	distributeAt,
	secretsIn,
	tradeAt,
	ACCESS_CODE,
	EMAIL,
	PASSWORD,
	TOKEN,
	TRADE_SECRET,
} from './nodes';
import { figure, json, leaks, selfSignedCert, startHostile, type Hostile } from './recordingServer';

const SECRETS = [TRADE_SECRET, PASSWORD, TOKEN, EMAIL];

/**
 * A provider (or something between it and n8n) that answers with a redirect to
 * another origin. The other origin is a second loopback server on another
 * port, recording everything it receives: it must receive nothing at all, so
 * no credential header, no password and no purchase ever reaches it.
 */

/** Trusts the test's self-signed certificate for connections to 127.0.0.1 (n8n builds its own https agents). */
function trustCertificate(cert: string): () => void {
	const original = tls.connect;
	const patched = ((...args: unknown[]) => {
		const options = args[0] as tls.ConnectionOptions | undefined;
		if (
			options &&
			typeof options === 'object' &&
			(options.host === '127.0.0.1' || options.servername === '127.0.0.1')
		) {
			args[0] = { ...options, ca: [cert] };
		}
		return (original as (...a: unknown[]) => tls.TLSSocket)(...args);
	}) as typeof tls.connect;
	(tls as { connect: typeof tls.connect }).connect = patched;
	return () => {
		(tls as { connect: typeof tls.connect }).connect = original;
	};
}

const STATUSES = [302, 307, 308] as const;

describe('hostile provider: redirects to another origin', () => {
	let other: Hostile;
	let moved: Hostile;
	let status: number;
	beforeAll(async () => {
		other = await startHostile((req, res) => {
			// Would accept anything: a sign-in, a balance read, a purchase.
			if (req.path.endsWith('/login'))
				return json(res, 200, { success: true, data: { token: 'stolen' } });
			if (req.path.endsWith('/portal/order'))
				return json(res, 200, { data: { orderNo: 'B-OTHER-1', iccid: '8900000000000000001' } });
			json(res, 200, { success: true, data: { balance: 1 } });
		});
		moved = await startHostile((req, res) => {
			res.writeHead(status, { location: `${other.origin}${req.url}` });
			res.end();
		});
	});
	afterAll(async () => {
		await other.close();
		await moved.close();
	});
	beforeEach(() => {
		other.received.length = 0;
		moved.received.length = 0;
	});

	for (const code of STATUSES) {
		it(`eSIMTrade: a ${code} on Get Balance and Create Order sends nothing to the other origin`, async () => {
			status = code;
			const node = tradeAt(`${moved.origin}/api/v1`);
			const read = await node.run({ resource: 'wallet', operation: 'getBalance' });
			const buy = await node.run(
				{
					resource: 'order',
					operation: 'create',
					plan: { __rl: true, mode: 'list', value: 'ES_3_30' },
					quantity: 1,
					waitForFulfilment: false,
				},
				[{}],
				{ onError: 'continueRegularOutput' },
			);
			figure(`redirect ${code} eSIMTrade balance+order`, leaks(other, SECRETS));
			expect(other.received).toEqual([]);
			expect(read.error?.message).toBe(
				`eSIMTrade answered with a redirect (HTTP ${code}) to ${other.origin}; it was not followed and the credentials were not sent there`,
			);
			expect(String(buy.items[0]?.json.error)).toContain(
				`redirect (HTTP ${code}) to ${other.origin}`,
			);
			expect(String(buy.items[0]?.json.description)).toContain(
				'The request was not sent to the other address',
			);
			expect(buy.items[0]?.json.iccid).toBeUndefined();
			// The Base URL's own host got the credentials, once per request, as it should.
			expect(moved.received.map((r) => r.headers['x-access-code'])).toEqual([
				ACCESS_CODE,
				ACCESS_CODE,
			]);
			expect(secretsIn(JSON.stringify([read.run, buy.run]))).toEqual([]);
		});

		it(`eSIM Distribute: a ${code} on the sign-in sends neither email nor password to the other origin`, async () => {
			status = code;
			const node = distributeAt(moved.origin);
			const { error, run } = await node.run({ resource: 'balance', operation: 'get' });
			figure(`redirect ${code} eSIM Distribute sign-in`, leaks(other, SECRETS));
			expect(other.received).toEqual([]);
			expect(other.transcript()).not.toContain(EMAIL);
			expect(error?.message).toContain(`redirect (HTTP ${code}) to ${other.origin}`);
			expect(secretsIn(JSON.stringify(run))).toEqual([]);
		});
	}

	it('eSIM Distribute: a 307 on checkout after a good sign-in re-sends neither the token nor the purchase', async () => {
		status = 307;
		const signedIn = await startHostile((req, res) => {
			if (req.path === '/api/tenant/login')
				return json(res, 200, { success: true, data: { token: TOKEN } });
			if (req.method === 'GET') return json(res, 200, { success: true, data: { orders: [] } });
			res.writeHead(307, { location: `${other.origin}${req.url}` });
			res.end();
		});
		try {
			const { items, run } = await distributeAt(signedIn.origin).run(checkoutOf(), [{}], {
				onError: 'continueRegularOutput',
			});
			figure('redirect 307 eSIM Distribute checkout', leaks(other, SECRETS));
			expect(other.received).toEqual([]);
			expect(String(items[0]?.json.error)).toContain(`redirect (HTTP 307) to ${other.origin}`);
			expect(
				signedIn.received.filter((r) => r.method === 'POST' && r.path.endsWith('/checkout')),
			).toHaveLength(1);
			expect(secretsIn(JSON.stringify(run))).toEqual([]);
		} finally {
			await signedIn.close();
		}
	});

	it('eSIMTrade: an https Base URL redirecting down to plain http sends nothing in clear text', async () => {
		const cert = selfSignedCert();
		const restore = trustCertificate(cert.cert);
		const secure = await startHostile((req, res) => {
			res.writeHead(301, { location: `${other.origin}${req.url}` });
			res.end();
		}, cert);
		try {
			const node = tradeAt(`${secure.origin}/api/v1`);
			const { error, run } = await node.run({ resource: 'wallet', operation: 'getBalance' });
			figure('redirect 301 https to http eSIMTrade balance', leaks(other, SECRETS));
			// The https server was reached (the certificate was trusted); the http one never was.
			expect(secure.received).toHaveLength(1);
			expect(other.received).toEqual([]);
			expect(error?.message).toContain(`redirect (HTTP 301) to ${other.origin}`);
			expect(secretsIn(JSON.stringify(run))).toEqual([]);
		} finally {
			restore();
			await secure.close();
		}
	});
});
