import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { renderQrPng } from '../qr';
import { isSafeHttpsUrl } from '../input/validation';

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
export function parseLpa(code: string | undefined): { smdpAddress: string; matchingId: string } | undefined {
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
	let activationCode = pick('ac', 'activationCode', 'lpa', 'lpaString', 'lpaCode', 'qrCode', 'qrCodeContent');
	if (activationCode && !/^LPA:/i.test(activationCode)) activationCode = undefined;
	const smdpAddress = pick('smdpAddress', 'smdp') ?? parseLpa(activationCode)?.smdpAddress;
	const matchingId = pick('matchingId', 'activationId') ?? parseLpa(activationCode)?.matchingId;
	if (!activationCode && smdpAddress && matchingId) activationCode = `LPA:1$${smdpAddress}$${matchingId}`;
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

/**
 * Adds the QR code as a PNG binary property: rendered from the activation code
 * (no extra request), or downloaded from the provider's QR URL. The download
 * carries no credentials: QR hosts are third parties.
 */
export async function attachQr(
	ctx: { helpers: Pick<IExecuteFunctions['helpers'], 'httpRequest' | 'prepareBinaryData'> },
	item: INodeExecutionData,
	activation: Activation,
	mode: QrImageMode,
	property: string,
): Promise<void> {
	if (mode === 'none') return;
	const name = `esim-${activation.iccid ?? 'qr'}.png`;
	let png: Buffer | undefined;
	if (activation.activationCode && (mode === 'render' || !activation.qrCodeUrl)) {
		png = renderQrPng(activation.activationCode);
	} else if (activation.qrCodeUrl && isSafeHttpsUrl(activation.qrCodeUrl)) {
		const body = (await ctx.helpers.httpRequest({
			url: activation.qrCodeUrl,
			encoding: 'arraybuffer',
			timeout: 20_000,
		})) as ArrayBuffer | Buffer;
		png = Buffer.isBuffer(body) ? body : Buffer.from(body);
	}
	if (!png) return;
	item.binary ??= {};
	item.binary[property] = await ctx.helpers.prepareBinaryData(png, name, 'image/png');
}

/**
 * Adds the first eSIM's activation details and its QR code to an event item;
 * returns the activation details of every eSIM.
 */
export async function addActivation(
	ctx: { helpers: Pick<IExecuteFunctions['helpers'], 'httpRequest' | 'prepareBinaryData'> },
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
		if (options.issued) await attachQr(ctx, item, activation, options.qrImage, options.binaryProperty);
		items.push(item);
	}
	return items;
}
