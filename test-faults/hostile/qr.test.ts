import type { INodeExecutionData } from 'n8n-workflow';

import { renderQrPng } from '../../nodes/shared/qr';
import { plan, runTrade, tradeHarness } from '../../test/helpers/trade';
import { guardNetwork } from './guard';
import { hostileServer, type HostileServer } from './server';
import { tradeProvider, type TradeProvider } from './tradeProvider';

const PNG = renderQrPng('LPA:1$smdp.example.test$QR');
const BIG = 64 * 1024 * 1024;

/** The QR host: each path misbehaves in its own way. */
async function qrHost(): Promise<HostileServer> {
	const host: HostileServer = await hostileServer((req, res) => {
		switch (req.path) {
			case '/ok.png':
				res.writeHead(200, { 'content-type': 'image/png' });
				return void res.end(PNG);
			case '/same-host':
				res.writeHead(302, { location: '/ok.png' });
				return void res.end();
			case '/to-other-loopback-host':
				res.writeHead(302, { location: `http://localhost:${host.port}/ok.png` });
				return void res.end();
			case '/to-metadata':
				res.writeHead(307, {
					location: 'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
				});
				return void res.end();
			case '/to-private':
				res.writeHead(301, { location: 'https://10.0.0.7/qr.png' });
				return void res.end();
			case '/html':
				res.writeHead(200, { 'content-type': 'image/png' });
				return void res.end('<html><body>Sign in to continue</body></html>');
			case '/huge': {
				// A PNG signature, then zeros without end: every byte written is counted.
				res.writeHead(200, { 'content-type': 'image/png' });
				let written = 0;
				const pump = () => {
					while (written < BIG && !res.destroyed) {
						const chunk =
							written === 0
								? Buffer.concat([PNG.subarray(0, 8), Buffer.alloc(65536 - 8)])
								: Buffer.alloc(65536);
						written += chunk.length;
						host.sent.bytes += chunk.length;
						if (!res.write(chunk)) return void res.once('drain', pump);
					}
					res.end();
				};
				return pump();
			}
			case '/slow': {
				// One byte a second, for ever: never idle long enough for an idle timeout.
				res.writeHead(200, { 'content-type': 'image/png' });
				let index = 0;
				const drip = setInterval(() => {
					if (res.destroyed || index > 120) {
						clearInterval(drip);
						return void res.end();
					}
					res.write(PNG.subarray(index % PNG.length, (index % PNG.length) + 1));
					host.sent.bytes += 1;
					index++;
				}, 1000);
				res.on('close', () => clearInterval(drip));
				return;
			}
			default:
				res.writeHead(404);
				res.end();
		}
	});
	return host;
}

describe('eSIMTrade: the QR image URL from the provider is fetched only within strict bounds', () => {
	let qr: HostileServer;
	let provider: TradeProvider | undefined;
	let guard: ReturnType<typeof guardNetwork>;
	let qrUrl = '';
	beforeAll(async () => {
		qr = await qrHost();
	});
	afterAll(async () => await qr.close());
	beforeEach(() => {
		guard = guardNetwork();
		qr.received.length = 0;
		qr.sent.bytes = 0;
	});
	afterEach(async () => {
		guard.restore();
		await provider?.close();
		provider = undefined;
	});

	/** Buys one eSIM whose QR URL is `url`, in the given QR Image mode, with or without an activation code. */
	async function buy(
		url: string,
		qrImage = 'download',
		withActivationCode = false,
	): Promise<INodeExecutionData> {
		qrUrl = url;
		await provider?.close();
		provider = await tradeProvider({
			withActivationCode,
			qrCodeUrl: () => qrUrl,
			orderAnswer: (order) => ({ body: { data: { orderNo: order.orderNo } } }),
		});
		const { items, error } = await runTrade(tradeHarness(provider.baseUrl), {
			resource: 'order',
			operation: 'create',
			plan: plan('ES_3_30'),
			quantity: 1,
			options: { qrImage, waitTimeout: 5 },
		});
		expect(error?.message).toBeUndefined();
		expect(items).toHaveLength(1);
		// Whatever happened to the image, the customer's eSIM details are there.
		expect(items[0].json.iccid).toBe(provider.orders[0].iccid);
		return items[0];
	}

	it('downloads a real PNG, following a redirect on the same host', async () => {
		const item = await buy(`${qr.url}/same-host`);
		expect(item.binary?.qrCode).toMatchObject({ mimeType: 'image/png' });
		expect(item.json.qrImageNote).toBeUndefined();
	});

	it('does not follow a redirect to another host, even on this machine', async () => {
		const item = await buy(`${qr.url}/to-other-loopback-host`);
		expect(item.binary).toBeUndefined();
		expect(item.json.qrImageNote).toMatch(/redirected to another host \(localhost:\d+\)/);
		expect(qr.received.map((req) => req.path)).toEqual(['/to-other-loopback-host']);
	});

	it('refuses a redirect to the metadata address before any connection', async () => {
		const item = await buy(`${qr.url}/to-metadata`);
		process.stdout.write(
			`QR redirect to 169.254.169.254: connection attempts to non-loopback hosts ${JSON.stringify(guard.attempts)}\n`,
		);
		expect(guard.attempts).toEqual([]);
		expect(item.binary).toBeUndefined();
		expect(item.json.qrImageNote).toMatch(/internal address \(169\.254\.169\.254\)/);
	});

	it.each([
		['the metadata address', 'https://169.254.169.254/latest/meta-data/'],
		['the metadata address written as IPv4-mapped IPv6', 'https://[::ffff:169.254.169.254]/qr.png'],
		['the metadata address written as a number', 'https://2852039166/qr.png'],
		['a metadata host name', 'https://metadata.google.internal/computeMetadata/v1/'],
		['a private address', 'https://10.0.0.7/qr.png'],
		['a private address behind a redirect', ''],
		['an IPv6 link-local address', 'https://[fe80::1]/qr.png'],
		['plain http to a public host', 'http://qr.example.com/qr.png'],
	])('refuses %s without connecting', async (_what, url) => {
		const item = await buy(url || `${qr.url}/to-private`);
		expect(guard.attempts).toEqual([]);
		expect(item.binary).toBeUndefined();
		expect(item.json.qrImageNote).toMatch(
			/^No QR image: it was not downloaded because the QR URL (points to an internal address|must use https)/,
		);
	});

	it('stops reading an oversized body at the cap', async () => {
		const item = await buy(`${qr.url}/huge`);
		await new Promise((resolve) => setTimeout(resolve, 200));
		process.stdout.write(
			`QR oversized body: ${qr.sent.bytes} bytes written by the server before the node closed the connection (of ${BIG})\n`,
		);
		expect(item.binary).toBeUndefined();
		expect(item.json.qrImageNote).toMatch(/larger than 512 kB/);
		expect(qr.sent.bytes).toBeLessThan(8 * 1024 * 1024);
	});

	it('gives up on a body that drips for ever, within the total bound', async () => {
		const item = await buy(`${qr.url}/slow`);
		process.stdout.write(
			`QR slow body: ${qr.sent.bytes} bytes dripped (one a second) before the node gave up\n`,
		);
		expect(item.binary).toBeUndefined();
		expect(item.json.qrImageNote).toMatch(/did not arrive within 10 s/);
		expect(qr.sent.bytes).toBeLessThanOrEqual(12);
	});

	it('refuses what is not an image', async () => {
		const item = await buy(`${qr.url}/html`);
		expect(item.binary).toBeUndefined();
		expect(item.json.qrImageNote).toMatch(/not a PNG, JPEG or GIF image/);
	});

	it('"Render" never downloads, even without an activation code', async () => {
		const item = await buy(`${qr.url}/ok.png`, 'render', false);
		expect(qr.received).toHaveLength(0);
		expect(item.binary).toBeUndefined();
		expect(item.json.qrImageNote).toMatch(/no activation code/);
		const rendered = await buy(`${qr.url}/ok.png`, 'render', true);
		expect(qr.received).toHaveLength(0);
		expect(rendered.binary?.qrCode).toMatchObject({ mimeType: 'image/png' });
	});
});
