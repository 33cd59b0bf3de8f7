import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import type { ParsedDelivery } from './payload';
import { checkSignature, DEFAULT_SIGNATURE_HEADER, type SignatureCheck } from './signature';

/** Largest body read (eSIMTrade's events are small JSON documents). */
const MAX_BODY_BYTES = 1024 * 1024;

/** Default for Options → Max Delivery Age: how old a delivery's signed send time may be. */
export const DEFAULT_MAX_AGE_MINUTES = 1440;
/** How far a delivery's send time may lie ahead of this machine's clock. */
const MAX_CLOCK_AHEAD_MS = 5 * 60_000;

/** Why a delivery's own send time (from the signed body) is refused, or undefined when it is within the window. */
export function staleReason(sentAt: number | undefined, maxAgeMinutes: number, now: number) {
	if (sentAt === undefined || !(maxAgeMinutes > 0)) return undefined;
	const when = new Date(sentAt).toISOString();
	if (sentAt - now > MAX_CLOCK_AHEAD_MS)
		return `The delivery says it was sent at ${when}, more than 5 minutes ahead of this server's clock; it is refused. Check the server's clock.`;
	if (now - sentAt > maxAgeMinutes * 60_000)
		return `The delivery says it was sent at ${when}, more than ${maxAgeMinutes} minutes ago (Options → Max Delivery Age), so it is refused as a replay. Nothing was started.`;
	return undefined;
}

/** Headers kept with the delivery: the provider's event metadata, never cookies or authorization. */
const KEPT_HEADER = /^(x-esimtrade-|x-webhook-|x-event-|x-delivery-|content-type$|user-agent$)/i;

export interface Delivery {
	raw: Buffer;
	body: unknown;
	parsed: ParsedDelivery;
	receivedAt: string;
	/** The delivery as received, attached to the emitted item as `delivery`. */
	attachment: IDataObject;
}

type RawRequest = ReturnType<IWebhookFunctions['getRequestObject']> & {
	rawBody?: Buffer;
	readRawBody?: () => Promise<void>;
};

/** The exact bytes eSIMTrade signed: n8n keeps them in `rawBody` when it parses the body. */
async function rawBodyOf(ctx: IWebhookFunctions): Promise<Buffer | undefined> {
	const req = ctx.getRequestObject() as RawRequest;
	if (!Buffer.isBuffer(req.rawBody) && typeof req.readRawBody === 'function')
		await req.readRawBody();
	return Buffer.isBuffer(req.rawBody) ? req.rawBody : undefined;
}

function parseJson(raw: Buffer): unknown {
	try {
		return JSON.parse(raw.toString('utf8')) as unknown;
	} catch {
		return undefined;
	}
}

/** Answers the request directly (n8n sends nothing else) and starts no execution. */
export function reply(
	ctx: IWebhookFunctions,
	status: number,
	body: IDataObject,
): IWebhookResponseData {
	const res = ctx.getResponseObject();
	res.writeHead(status, { 'Content-Type': 'application/json' });
	res.end(JSON.stringify(body));
	return { noWebhookResponse: true };
}

/**
 * Reads a delivery and checks its signature. With a signing secret in the
 * credential, an unsigned or wrongly signed delivery is rejected with 401; a
 * delivery whose body says it was sent outside the window with 400.
 */
export async function readDelivery(
	ctx: IWebhookFunctions,
	parse: (body: unknown, headers: IDataObject) => ParsedDelivery,
): Promise<{ delivery: Delivery } | { rejected: { status: number; message: string } }> {
	const credentials = await ctx.getCredentials('esimTradeApi');
	const secret = typeof credentials.webhookSecret === 'string' ? credentials.webhookSecret : '';
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const headerName = String(options.signatureHeader || DEFAULT_SIGNATURE_HEADER)
		.trim()
		.toLowerCase();
	const headers = ctx.getHeaderData() as IDataObject;
	const raw =
		(await rawBodyOf(ctx)) ??
		(secret ? undefined : Buffer.from(JSON.stringify(ctx.getBodyData() ?? {})));
	if (!raw)
		return {
			rejected: {
				status: 400,
				message: 'The request body could not be read, so its signature cannot be checked',
			},
		};
	if (raw.length > MAX_BODY_BYTES)
		return { rejected: { status: 413, message: 'The delivery is larger than 1 MiB' } };
	const signature: SignatureCheck = checkSignature(
		raw,
		headers[headerName] as string | string[] | undefined,
		secret,
	);
	if (signature === 'missing')
		return { rejected: { status: 401, message: `Missing signature header ${headerName}` } };
	if (signature === 'invalid')
		return { rejected: { status: 401, message: 'The signature does not match the body' } };
	const body = parseJson(raw) ?? ctx.getBodyData();
	const parsed = parse(body, headers);
	const maxAge = Number(options.maxAgeMinutes ?? DEFAULT_MAX_AGE_MINUTES);
	const stale = staleReason(parsed.sentAt, maxAge, Date.now());
	if (stale) return { rejected: { status: 400, message: stale } };
	const kept = Object.fromEntries(
		Object.entries(headers).filter(([name]) => KEPT_HEADER.test(name) || name === headerName),
	);
	const receivedAt = new Date().toISOString();
	const attachment: IDataObject = {
		receivedAt,
		signature,
		headers: kept,
		body: body as IDataObject,
	};
	if (parsed.deliveryId) attachment.id = parsed.deliveryId;
	if (parsed.type) attachment.type = parsed.type;
	return { delivery: { raw, body, parsed, receivedAt, attachment } };
}
