import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
} from 'n8n-workflow';

import { renderQrPng } from '../qr';
import { downloadQr, type QrImage, type QrTrust } from '../transport/qrDownload';
import { runBaseUrl } from '../transport/request';
import { isLoopbackUrl } from '../url/hostKind';
import { checkIccid, IccidError } from './iccid';

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

/** The ICCID of a provider record, checked (see checkIccid). */
function iccidIn(raw: IDataObject, nested: IDataObject): string | undefined | IccidError {
	for (const record of [raw, nested])
		for (const name of ['iccid', 'ICCID']) {
			const iccid = checkIccid(record[name], name);
			if (iccid) return iccid;
		}
	return undefined;
}

/**
 * Reads activation details from a provider record, tolerating the field names
 * providers use; an ICCID that breaks the ICCID rule gives its IccidError instead.
 */
export function readActivation(raw: IDataObject): Activation | IccidError {
	const nested = (
		raw.rawOrderJson && typeof raw.rawOrderJson === 'object' ? raw.rawOrderJson : {}
	) as IDataObject;
	const iccid = iccidIn(raw, nested);
	if (iccid instanceof IccidError) return iccid;
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
		iccid,
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
 * The error for an eSIM whose ICCID the provider sent malformed: it says that
 * nothing was handed out and, after a purchase, that the order exists.
 */
export function iccidRefusal(
	node: INode,
	error: IccidError,
	placedOrder: string | undefined,
	itemIndex?: number,
): NodeOperationError {
	const placed = placedOrder
		? ` The ${placedOrder} was placed: look it up in the provider's portal and do not buy again.`
		: '';
	return new NodeOperationError(node, error.message, {
		itemIndex,
		description: `The eSIM was not output, so that no customer is given a wrong ICCID.${placed} If this repeats, ask the provider to send ICCIDs as text.`,
	});
}

/** Activation details, or the refusal of an eSIM with a malformed ICCID. */
export function checkedActivation(
	node: INode,
	raw: IDataObject,
	placedOrder?: string,
	itemIndex?: number,
): Activation {
	const activation = readActivation(raw);
	if (activation instanceof IccidError)
		throw iccidRefusal(node, activation, placedOrder, itemIndex);
	return activation;
}

/** What attachQr needs from a node run: n8n's request helpers and the node. */
export interface QrContext {
	helpers: Pick<IExecuteFunctions['helpers'], 'httpRequest' | 'prepareBinaryData'>;
	getNode: IExecuteFunctions['getNode'];
}

/**
 * The provider's QR URL may point to this machine only when the credential's
 * base URL does too; the base URL is the one the run's requests went to (the
 * activation came from such a request), read from the one transport door.
 */
function qrTrust(ctx: QrContext): QrTrust {
	const baseUrl = runBaseUrl(ctx);
	return { allowLoopback: baseUrl !== undefined && isLoopbackUrl(new URL(baseUrl)) };
}

/**
 * Adds the QR code as a binary property. "Render" draws it from the activation
 * code and never downloads anything. "Download" fetches the provider's QR
 * image within strict bounds (see downloadQr) and carries no credentials (QR
 * hosts are third parties); without a QR URL it renders instead. When no image
 * can be attached, the item keeps its activation details and `qrImageNote` says why.
 */
export async function attachQr(
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
		const downloaded = await downloadQr(ctx, activation.qrCodeUrl, qrTrust(ctx));
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
