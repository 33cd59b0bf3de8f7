import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import {
	attachQr,
	checkedActivation,
	type Activation,
	type QrContext,
	type QrImageMode,
	readActivation,
} from './activation';
import { IccidError } from './iccid';
import { fulfilmentNote, fulfilmentOf, type FulfilmentState } from './status';

/** The fields that let a customer install an eSIM: given out only once it is fulfilled. */
const INSTALL_FIELDS = [
	'activationCode',
	'smdpAddress',
	'matchingId',
	'iosInstallUrl',
	'androidInstallUrl',
	'qrCodeUrl',
	'shortUrl',
];

function withhold(json: IDataObject): void {
	for (const key of INSTALL_FIELDS) delete json[key];
}

/**
 * Whether a wait for these eSIMs may stop: the order failed, or it is fulfilled
 * with every ICCID and activation code. A malformed ICCID stops the wait too,
 * so that it is refused at once (by esimItems) instead of waited on.
 */
export function waitSettled(status: unknown, esims: IDataObject[]): boolean {
	const activations = esims.map(readActivation);
	if (activations.some((activation) => activation instanceof IccidError)) return true;
	const state = fulfilmentOf(status, activations as Activation[]);
	return state === 'fulfilled' || state === 'failed';
}

export interface EsimItemOptions {
	qrImage: QrImageMode;
	binaryProperty: string;
	/** The order's status as the provider reports it. */
	status: unknown;
	/** Whether the wait for fulfilment ran out before the order was settled. */
	timedOut?: boolean;
	/** The provider's name, for notes and errors. */
	provider: string;
	/** The order just bought, e.g. `order B2601…`, for the error on a malformed ICCID; unset for look-ups. */
	placedOrder?: string;
	itemIndex?: number;
	/** Provider fields of an eSIM to keep beside its activation details. */
	extra?: (esim: IDataObject) => IDataObject;
}

/** The fulfilment of the order: fulfilled needs the status and every ICCID and activation code. */
function stateOf(
	options: EsimItemOptions,
	activations: Activation[],
): FulfilmentState | 'timedOut' {
	const state = fulfilmentOf(options.status, activations);
	if (options.timedOut && state !== 'unknown') return 'timedOut';
	return state;
}

/**
 * One output item per eSIM: the shared order fields, `fulfilment` (with
 * `fulfilmentNote` when it is not fulfilled for a reason worth saying), the
 * eSIM's ICCID and, only once fulfilled, its activation details and QR code.
 * Several eSIMs are numbered with `esimIndex`/`esimCount`. An eSIM whose
 * ICCID breaks the ICCID rule fails the item instead of being output.
 */
export async function esimItems(
	ctx: IExecuteFunctions,
	base: IDataObject,
	esims: IDataObject[],
	options: EsimItemOptions,
): Promise<INodeExecutionData[]> {
	const node = ctx.getNode();
	const activations = esims.map((esim) =>
		checkedActivation(node, esim, options.placedOrder, options.itemIndex),
	);
	const fulfilment = stateOf(options, activations);
	const note = fulfilmentNote(fulfilment, options.status, options.provider);
	const items: INodeExecutionData[] = [];
	for (const [index, esim] of esims.entries()) {
		const activation = activations[index];
		const json: IDataObject = {
			...base,
			fulfilment,
			...(note ? { fulfilmentNote: note } : {}),
			...(esims.length > 1 ? { esimIndex: index + 1, esimCount: esims.length } : {}),
			...activation,
			...options.extra?.(esim),
		};
		// A raw ICCID field of the order is never output beside (or instead of) the checked one.
		if (activation.iccid) json.iccid = activation.iccid;
		else delete json.iccid;
		const item: INodeExecutionData = { json };
		if (fulfilment === 'fulfilled')
			await attachQr(ctx, item, activation, options.qrImage, options.binaryProperty);
		else withhold(json);
		items.push(item);
	}
	return items;
}

/**
 * Adds the first eSIM's activation details and its QR code to a trigger's
 * event item; returns whether the order is fulfilled with every ICCID and
 * activation code (when not, nothing is added and the event should wait).
 */
export async function addActivation(
	ctx: QrContext,
	item: INodeExecutionData,
	esims: IDataObject[],
	mode: QrImageMode,
): Promise<{ ready: boolean; activations: Activation[] }> {
	const activations = esims.map((esim) => checkedActivation(ctx.getNode(), esim));
	if (fulfilmentOf(item.json.status, activations) !== 'fulfilled')
		return { ready: false, activations };
	Object.assign(item.json, activations[0]);
	await attachQr(ctx, item, activations[0] ?? {}, mode, 'qrCode');
	return { ready: true, activations };
}
