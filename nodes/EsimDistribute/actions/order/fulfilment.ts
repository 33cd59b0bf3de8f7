import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { esimItems, waitSettled } from '../../../shared/esim/items';
import { pollUntil, type WaitSettings } from '../../../shared/fulfilment/poll';
import { distributeClient } from '../../transport/client';

const isRecord = (value: unknown): value is IDataObject =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

const esimsIn = (order: IDataObject): IDataObject[] =>
	Array.isArray(order.esims) ? order.esims.filter(isRecord) : [];

/** `GET /api/tenant/orders/:id`: the order with its eSIMs. */
async function readOrder(ctx: IExecuteFunctions, id: string, i: number): Promise<IDataObject> {
	return await distributeClient(ctx, i).order(id, { hints: { subject: `order ${id}` } });
}

/** Failed, or completed with every eSIM's ICCID and activation code (an unknown status is waited on). */
const settled = (order: IDataObject): boolean => waitSettled(order.status, esimsIn(order));

/**
 * Waits, with growing pauses and one deadline for the whole checkout, until
 * each order placed is completed or failed, then outputs one item per eSIM
 * with its activation details, install links and QR code, in the shape every
 * purchase with a wait outputs. An order still open at the deadline is output once with
 * fulfilment "timedOut"; items that are not orders pass through unchanged.
 */
export async function waitForCheckout(
	ctx: IExecuteFunctions,
	placed: INodeExecutionData[],
	i: number,
	settings: WaitSettings,
): Promise<INodeExecutionData[]> {
	const deadline = Date.now() + settings.timeoutMs;
	const out: INodeExecutionData[] = [];
	for (const item of placed) {
		const id = item.json.id;
		if (typeof id !== 'string' && typeof id !== 'number') {
			out.push(item);
			continue;
		}
		const waited = await pollUntil(
			async () => await readOrder(ctx, String(id), i),
			settled,
			deadline,
		);
		const base: IDataObject = { ...item.json, ...waited.value };
		delete base.esims;
		delete base.qrCode;
		const esims = esimsIn(waited.value);
		out.push(
			...(await esimItems(ctx, base, esims.length ? esims : [{}], {
				qrImage: settings.qrImage,
				binaryProperty: settings.binaryProperty,
				status: waited.value.status,
				timedOut: waited.timedOut,
				provider: 'eSIM Distribute',
				placedOrder: `order ${String(id)}`,
				itemIndex: i,
			})),
		);
	}
	return out;
}
