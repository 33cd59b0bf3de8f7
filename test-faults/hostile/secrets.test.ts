import type { ServerResponse } from 'node:http';

import { distributeAt, secretsIn, tradeAt, PASSWORD, TOKEN } from './nodes';
import { figure, json, raw, startHostile, type Hostile, type Received } from './recordingServer';

/**
 * A provider that echoes what it received: headers (as an object and as the
 * raw header array), the sign-in body, the token. Whatever the shape (an
 * envelope's `error` field, an HTML page, free text, a success body), no
 * secret value may appear in the run data, the error, or a continue-on-fail item.
 */

type Answer = (req: Received, res: ServerResponse) => void;

/** Everything a request carried, in the shapes a careless server echoes it. */
const echo = (req: Received) => ({
	headers: req.headers,
	rawHeaders: Object.entries(req.headers).flat(),
	body: req.body,
});
const headerText = (req: Received) =>
	Object.entries(req.headers)
		.map(([k, v]) => `${k}: ${String(v)}`)
		.join('\n');
/** The headers as an HTML table, the way a debugging proxy page shows them. */
const headerTable = (req: Received) =>
	`<table>${Object.entries(req.headers)
		.map(([k, v]) => `<tr><td>${k}</td><td>${String(v)}</td></tr>`)
		.join('')}</table>`;
/** The header values in a sentence, with no name next to them. */
const headerValues = (req: Received) => Object.values(req.headers).map(String).join(' and ');
/** The bearer token alone, without the word Bearer. */
const tokenOf = (req: Received) =>
	String(req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');

const signIn = (req: Received, res: ServerResponse): boolean => {
	if (req.path !== '/api/tenant/login') return false;
	json(res, 200, { success: true, data: { token: TOKEN } });
	return true;
};

const TRADE: Array<{ name: string; answer: Answer }> = [
	{
		name: 'a 400 whose `error` field quotes the secret key',
		answer: (req, res) => json(res, 400, { error: `bad key pair: ${headerText(req)}` }),
	},
	{
		name: 'a 403 HTML page listing the headers',
		answer: (req, res) =>
			raw(res, 403, `<html><body><h1>Forbidden</h1>${headerTable(req)}</body></html>`, 'text/html'),
	},
	{
		name: 'a 404 with the header array',
		answer: (req, res) => json(res, 404, { error: 'not found', received: echo(req) }),
	},
	{
		name: 'a 200 success body echoing every header',
		answer: (req, res) => json(res, 200, { data: { walletBalanceUsd: '$5.00', echo: echo(req) } }),
	},
	{
		name: 'a 200 HTML page listing the headers',
		answer: (req, res) => raw(res, 200, `<html>${headerTable(req)}</html>`, 'text/html'),
	},
	{
		name: 'a 409 in free text',
		answer: (req, res) => raw(res, 409, `conflict; you sent ${headerValues(req)}`, 'text/plain'),
	},
];

const DISTRIBUTE: Array<{ name: string; answer: Answer }> = [
	{
		name: 'a sign-in refusal quoting the password',
		answer: (req, res) =>
			json(res, 401, {
				success: false,
				data: null,
				message: `wrong credentials: ${req.body}`,
				error: `INVALID ${PASSWORD}`,
			}),
	},
	{
		name: 'a sign-in 500 HTML page with the body',
		answer: (req, res) =>
			raw(res, 503, `<html><body>upstream failed for ${req.body}</body></html>`, 'text/html'),
	},
	{
		name: 'an envelope whose `error` field holds the token (success: false on 200)',
		answer: (req, res) =>
			signIn(req, res) ||
			json(res, 200, {
				success: false,
				data: null,
				message: 'denied',
				error: `${String(req.headers.authorization)}`,
			}),
	},
	{
		name: 'a 403 in free text with the bare token',
		answer: (req, res) =>
			signIn(req, res) ||
			raw(res, 403, `the session ${tokenOf(req)} may not do this`, 'text/plain'),
	},
	{
		name: 'a success body echoing the headers and the token',
		answer: (req, res) =>
			signIn(req, res) ||
			json(res, 200, { success: true, data: { creditBalance: 5, echo: echo(req), token: TOKEN } }),
	},
];

describe('hostile provider: echoed secrets', () => {
	let server: Hostile;
	let answer: Answer;
	beforeAll(async () => {
		server = await startHostile((req, res) => answer(req, res));
	});
	afterAll(async () => await server.close());

	for (const shape of TRADE) {
		it(`eSIMTrade: ${shape.name}`, async () => {
			answer = shape.answer;
			const node = tradeAt(`${server.origin}/api/v1`);
			const stopped = await node.run({ resource: 'wallet', operation: 'getBalance' });
			const kept = await node.run({ resource: 'wallet', operation: 'getBalance' }, [{}], {
				onError: 'continueRegularOutput',
			});
			const found = secretsIn(
				JSON.stringify([stopped.run, stopped.error ?? null, kept.run, kept.items]),
			);
			figure(`secrets eSIMTrade ${shape.name}`, { found: found.length });
			// The provider really had the secret to echo.
			expect(secretsIn(server.transcript())).toContain('TRADE_SECRET');
			expect(found).toEqual([]);
		});
	}

	for (const shape of DISTRIBUTE) {
		it(`eSIM Distribute: ${shape.name}`, async () => {
			answer = shape.answer;
			const stopped = await distributeAt(server.origin).run({
				resource: 'balance',
				operation: 'get',
			});
			const kept = await distributeAt(server.origin).run(
				{ resource: 'balance', operation: 'get' },
				[{}],
				{ onError: 'continueRegularOutput' },
			);
			const found = secretsIn(
				JSON.stringify([stopped.run, stopped.error ?? null, kept.run, kept.items]),
			);
			figure(`secrets eSIM Distribute ${shape.name}`, { found: found.length });
			expect(found).toEqual([]);
		});
	}
});
