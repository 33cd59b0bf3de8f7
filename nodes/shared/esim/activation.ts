import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { renderQrPng } from '../qr';
import { downloadQr, type QrImage, type QrTrust } from '../transport/qrDownload';
import { isLoopbackUrl } from '../transport/baseUrl';

/** What an ops team hands to a customer to install an eSIM. */
export interface Activation extends IDataObject {
	iccid?: string;
	/** The LPA activation string encoded in the QR code, e.g. `LPA:1$smdp.example.com$MATCHING-ID`. */
	activationCode?: string;
	smdpAddress?: string;
	matchingId?: string;
	/** One-tap install on iOS 17.4+ (Apple's universal eSIM setup link). */
	iosInstallUrl?: string;
	/** One-tap install on Android devices that support Google's eSIM setup link. */
	androidInstallUrl?: string;
	qrCodeUrl?: string;
	shortUrl?: string;
}

export type QrImageMode = 'render' | 'download' | 'none';

const text = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** Splits `LPA:1$<SM-DP+ address>$<matching id>`. */
function parseLpa(
	code: string | undefined,
): { smdpAddress: string; matchingId: string } | undefined {
	const match = code ? /^LPA:1\$([^$]+)\$([^$]*)/i.exec(code) : null;
	return match ? { smdpAddress: match[1], matchingId: match[2] } : undefined;
}

/** Reads activation details from a provider record, tolerating the field names providers use. */
export function activationFrom(raw: IDataObject): Activation {
	const nested = (raw.rawOrderJson ?? {}) as IDataObject;
	const pick = (...names: string[]) => {
		for (const name of names) {
			const value = text(raw[name]) ?? text(nested[name]);
			if (value) return value;
		}
		return undefined;
	};
	let activationCode = pick(
		'ac',
		'activationCode',
		'lpa',
		'lpaString',
		'lpaCode',
		'qrCode',
		'qrCodeContent',
	);
	if (activationCode && !/^LPA:/i.test(activationCode)) activationCode = undefined;
	const smdpAddress = pick('smdpAddress', 'smdp') ?? parseLpa(activationCode)?.smdpAddress;
	const matchingId = pick('matchingId', 'activationId') ?? parseLpa(activationCode)?.matchingId;
	if (!activationCode && smdpAddress && matchingId)
		activationCode = `LPA:1$${smdpAddress}$${matchingId}`;
	const result: Activation = {
		iccid: pick('iccid', 'ICCID'),
		activationCode,
		smdpAddress,
		matchingId,
		qrCodeUrl: pick('qrCodeUrl', 'qrUrl', 'qrCodeImageUrl'),
		shortUrl: pick('shortUrl'),
	};
	if (activationCode) {
		result.iosInstallUrl = `https://esimsetup.apple.com/esim_qrcode_provisioning?carddata=${encodeURIComponent(activationCode)}`;
		result.androidInstallUrl = `https://esimsetup.android.com/esim_qrcode_provisioning?carddata=${encodeURIComponent(activationCode)}`;
	}
	for (const key of Object.keys(result)) if (result[key] === undefined) delete result[key];
	return result;
}

/** What attachQr needs from a node run: n8n's request helpers, the node and its credential. */
export interface QrContext {
	helpers: Pick<IExecuteFunctions['helpers'], 'httpRequest' | 'prepareBinaryData'>;
	getNode: IExecuteFunctions['getNode'];
	getCredentials(type: string): Promise<IDataObject>;
}

/** The provider's QR URL may point to this machine only when the credential's base URL does too. */
async function qrTrust(ctx: QrContext): Promise<QrTrust> {
	const type = Object.keys(ctx.getNode().credentials ?? {})[0];
	if (!type) return { allowLoopback: false };
	try {
		const baseUrl = (await ctx.getCredentials(type)).baseUrl;
		return { allowLoopback: typeof baseUrl === 'string' && isLoopbackUrl(new URL(baseUrl.trim())) };
	} catch {
		return { allowLoopback: false };
	}
}

/**
 * Adds the QR code as a binary property. "Render" draws it from the activation
 * code and never downloads anything. "Download" fetches the provider's QR
 * image within strict bounds (see downloadQr) and carries no credentials (QR
 * hosts are third parties); without a QR URL it renders instead. When no image
 * can be attached, the item keeps its activation details and `qrImageNote` says why.
 */
async function attachQr(
	ctx: QrContext,
	item: INodeExecutionData,
	activation: Activation,
	mode: QrImageMode,
	property: string,
): Promise<void> {
	if (mode === 'none') return;
	let image: QrImage | undefined;
	if (activation.activationCode && (mode === 'render' || !activation.qrCodeUrl)) {
		image = {
			data: renderQrPng(activation.activationCode),
			mimeType: 'image/png',
			extension: 'png',
		};
	} else if (mode === 'render') {
		item.json.qrImageNote =
			'No QR image: the provider gave no activation code to draw it from. Choose "Download" under QR Image to fetch the provider\'s QR image instead.';
	} else if (activation.qrCodeUrl) {
		const downloaded = await downloadQr(ctx, activation.qrCodeUrl, await qrTrust(ctx));
		if ('refused' in downloaded)
			item.json.qrImageNote = `No QR image: it was not downloaded because ${downloaded.refused}.`;
		else image = downloaded;
	}
	if (!image) return;
	item.binary ??= {};
	item.binary[property] = await ctx.helpers.prepareBinaryData(
		image.data,
		`esim-${activation.iccid ?? 'qr'}.${image.extension}`,
		image.mimeType,
	);
}

/**
 * Adds the first eSIM's activation details and its QR code to an event item;
 * returns the activation details of every eSIM.
 */
export async function addActivation(
	ctx: QrContext,
	item: INodeExecutionData,
	esims: IDataObject[],
	mode: QrImageMode,
): Promise<Activation[]> {
	const activations = esims.map((esim) => activationFrom(esim));
	Object.assign(item.json, activations[0]);
	await attachQr(ctx, item, activations[0] ?? {}, mode, 'qrCode');
	return activations;
}

export interface EsimItemOptions {
	qrImage: QrImageMode;
	binaryProperty: string;
	/** Whether the eSIMs are issued, so their QR codes are worth attaching. */
	issued: boolean;
	/** Provider fields of an eSIM to keep beside its activation details. */
	extra?: (esim: IDataObject) => IDataObject;
}

/**
 * One output item per eSIM: the shared order fields, the eSIM's activation
 * details and, once issued, its QR code. Several eSIMs are numbered with
 * `esimIndex`/`esimCount`.
 */
export async function esimItems(
	ctx: IExecuteFunctions,
	base: IDataObject,
	esims: IDataObject[],
	options: EsimItemOptions,
): Promise<INodeExecutionData[]> {
	const items: INodeExecutionData[] = [];
	for (const [index, esim] of esims.entries()) {
		const activation = activationFrom(esim);
		const item: INodeExecutionData = {
			json: {
				...base,
				...(esims.length > 1 ? { esimIndex: index + 1, esimCount: esims.length } : {}),
				...activation,
				...options.extra?.(esim),
			},
		};
		if (options.issued)
			await attachQr(ctx, item, activation, options.qrImage, options.binaryProperty);
		items.push(item);
	}
	return items;
}
