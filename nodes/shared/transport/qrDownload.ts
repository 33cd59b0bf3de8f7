import type { IDataObject, IExecuteFunctions, IN8nHttpFullResponse } from 'n8n-workflow';

import { readCapped, type BodyStream } from './boundedBody';
import { hasUrlCredentials } from '../url/credentials';
import { hostKind } from '../url/hostKind';

/** An eSIM QR PNG is a few kB; anything far larger is not one. */
const QR_MAX_BYTES = 512 * 1024;
/** Total time for one QR image, redirects and body included. */
const QR_DEADLINE_MS = 10_000;
const MAX_HOPS = 3;

export interface QrImage {
	data: Buffer;
	mimeType: string;
	extension: string;
}

/** Where the provider's QR URL may point: loopback only when the credential's base URL is loopback itself. */
export interface QrTrust {
	allowLoopback: boolean;
}

type Http = Pick<IExecuteFunctions['helpers'], 'httpRequest'>;

const SIGNATURES: Array<{ bytes: number[]; mimeType: string; extension: string }> = [
	{
		bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
		mimeType: 'image/png',
		extension: 'png',
	},
	{ bytes: [0xff, 0xd8, 0xff], mimeType: 'image/jpeg', extension: 'jpg' },
	{ bytes: [0x47, 0x49, 0x46, 0x38], mimeType: 'image/gif', extension: 'gif' },
];

/** The image type from the first bytes (PNG, JPEG or GIF), whatever the server called it. */
export function imageType(data: Buffer): { mimeType: string; extension: string } | undefined {
	return SIGNATURES.find(
		(s) => data.length >= s.bytes.length && s.bytes.every((byte, i) => data[i] === byte),
	);
}

/** Why a URL may not be fetched, or undefined when it may. Checked before every connection, redirects included. */
export function refusalFor(raw: string, trust: QrTrust, from?: URL): string | undefined {
	let url: URL;
	try {
		url = new URL(raw, from);
	} catch {
		return 'the QR URL is not a valid URL';
	}
	if (hasUrlCredentials(url.href)) return 'the QR URL carries a user name or password';
	const kind = hostKind(url);
	if (kind === 'internal')
		return `the QR URL points to an internal address (${url.host}), which is never fetched`;
	if (
		url.protocol !== 'https:' &&
		!(url.protocol === 'http:' && trust.allowLoopback && kind === 'loopback')
	) {
		return `the QR URL must use https:// (got ${url.protocol}//${url.host})`;
	}
	if (kind === 'loopback' && !trust.allowLoopback)
		return `the QR URL points to this machine (${url.host}), which is only fetched when the credential's Base URL is itself on this machine`;
	if (from && url.host !== from.host)
		return `the QR URL redirected to another host (${url.host}), which is not followed`;
	return undefined;
}

/**
 * Downloads the provider's QR image within strict bounds: https only (http
 * only to loopback when the credential's base URL is loopback), never to an
 * internal address, redirects followed only on the same host, at most
 * QR_MAX_BYTES within QR_DEADLINE_MS in total, and only when the bytes are a
 * PNG, JPEG or GIF image. Returns the image, or why it was not taken. Carries
 * no credentials.
 */
export async function downloadQr(
	ctx: { helpers: Http },
	raw: string,
	trust: QrTrust,
): Promise<QrImage | { refused: string }> {
	const first = refusalFor(raw, trust);
	if (first) return { refused: first };
	const signal = AbortSignal.timeout(QR_DEADLINE_MS);
	let url = new URL(raw);
	for (let hop = 0; hop <= MAX_HOPS; hop++) {
		let response: IN8nHttpFullResponse;
		try {
			response = (await ctx.helpers.httpRequest({
				url: url.href,
				encoding: 'stream',
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				disableFollowRedirect: true,
				timeout: QR_DEADLINE_MS,
				abortSignal: signal,
			})) as IN8nHttpFullResponse;
		} catch {
			return {
				refused: signal.aborted
					? `the QR image did not arrive within ${QR_DEADLINE_MS / 1000} s`
					: `the QR image could not be fetched from ${url.host}`,
			};
		}
		const stream = response.body as BodyStream;
		const headers = (response.headers ?? {}) as IDataObject;
		if (response.statusCode >= 300 && response.statusCode < 400) {
			stream.destroy();
			const location = typeof headers.location === 'string' ? headers.location : '';
			const refused = location
				? refusalFor(location, trust, url)
				: 'the QR URL redirected without a location';
			if (refused) return { refused };
			url = new URL(location, url);
			continue;
		}
		if (response.statusCode !== 200) {
			stream.destroy();
			return { refused: `the QR URL answered HTTP ${response.statusCode}` };
		}
		if (Number(headers['content-length']) > QR_MAX_BYTES) {
			stream.destroy();
			return { refused: `the QR image is larger than ${Math.round(QR_MAX_BYTES / 1024)} kB` };
		}
		const read = await readCapped(stream, QR_MAX_BYTES, signal);
		if ('tooLarge' in read)
			return { refused: `the QR image is larger than ${Math.round(QR_MAX_BYTES / 1024)} kB` };
		if ('broken' in read) {
			return {
				refused: read.broken.aborted
					? `the QR image did not arrive within ${QR_DEADLINE_MS / 1000} s`
					: 'the QR image download broke off',
			};
		}
		const type = imageType(read.data);
		if (!type) return { refused: 'what the QR URL returned is not a PNG, JPEG or GIF image' };
		return { data: read.data, ...type };
	}
	return { refused: `the QR URL redirected more than ${MAX_HOPS} times` };
}
