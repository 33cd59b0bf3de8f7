import { renderQrPng } from '../nodes/shared/qr';
import type { SimResponse } from './types';

/** A 1×1 white PNG, served when a QR image cannot be rendered. */
export const PLACEHOLDER_PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGP4DwABAQEAsTj2FAAAAABJRU5ErkJggg==',
	'base64',
);

/** Finds the activation string of an ICCID, or undefined when no simulator knows it. */
export type ActivationLookup = (iccid: string) => string | undefined;

function pngResponse(body: Buffer): SimResponse {
	return {
		status: 200,
		body,
		headers: { 'Content-Type': 'image/png', 'Cache-Control': 'no-store' },
	};
}

/** The QR image of an LPA activation string; the placeholder when rendering fails. */
export function qrPng(text: string): Buffer {
	try {
		return renderQrPng(text);
	} catch {
		return PLACEHOLDER_PNG;
	}
}

/**
 * `GET /qr/<iccid>.png` renders the eSIM's activation string as a QR PNG;
 * `GET /qr/<iccid>` (the `shortUrl`) redirects there. Unknown ICCIDs → 404.
 */
export function serveQr(path: string, lookup: ActivationLookup): SimResponse {
	const match = /^\/qr\/([0-9A-Za-z]+)(\.png)?$/.exec(path);
	if (!match) return { status: 404, body: { error: 'Not found' } };
	const iccid = match[1] as string;
	const activation = lookup(iccid);
	if (activation === undefined) return { status: 404, body: { error: 'QR code not found' } };
	if (!match[2]) return { status: 302, headers: { Location: `/qr/${iccid}.png` } };
	return pngResponse(qrPng(activation));
}
