import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { activationFrom, attachQr, type QrImageMode } from '../../shared/activation';
import { pollBudget } from '../../shared/trigger/budget';
import { eventItem } from '../../shared/trigger/events';
import { loadState, pollChanges } from '../../shared/trigger/tracker';
import type { Change } from '../../shared/trigger/types';
import { dataOf, tradeGet } from '../transport';
import { classifyStatus } from '../transport/status';
import { esimSource, orderSource, type TrackMode } from './sources';

const trackModes: Record<string, TrackMode> = {
	statusChanged: 'all',
	esimStatusChanged: 'all',
	fulfilled: 'untilIssued',
	failed: 'untilIssued',
	newOrder: 'none',
};

/** Whether a change is reported for the chosen event. */
function wanted(event: string, change: Change, statuses: string[]): boolean {
	const now = classifyStatus(change.status);
	const before = change.previousStatus === null ? 'pending' : classifyStatus(change.previousStatus);
	switch (event) {
		case 'newOrder':
			return change.previousStatus === null;
		case 'fulfilled':
			return now === 'fulfilled' && before !== 'fulfilled';
		case 'failed':
			return now === 'failed' && before !== 'failed';
		default:
			return statuses.length === 0 || statuses.includes(change.status);
	}
}

/** Order and eSIM events: state in the node's static data, changes found by the shared tracker. */
export async function pollOrderEvents(ctx: IPollFunctions, event: string): Promise<INodeExecutionData[]> {
	const esims = event === 'esimStatusChanged';
	const source = esims ? esimSource(ctx) : orderSource(ctx, trackModes[event] ?? 'all');
	const idField = esims ? 'iccid' : 'providerOrderNo';
	const observedAt = new Date().toISOString();
	const statuses = (ctx.getNodeParameter('statuses', []) as string[]) ?? [];
	let changes: Change[];
	let commit = () => {};
	if (ctx.getMode() === 'manual') {
		// A sample for "Fetch Test Event": the newest record, without touching the stored state.
		const [row] = (await source.fetchPage(1)).rows;
		if (!row) return [];
		changes = [{ id: source.idOf(row), row, previousStatus: null, status: source.statusOf(row) }];
	} else {
		const staticData = ctx.getWorkflowStaticData('node');
		const { state, fresh } = loadState(staticData.tracker, `${esims ? 'esims' : 'orders'}:${event}`);
		const emitExisting = ctx.getNodeParameter('emitExisting', false) as boolean;
		const result = await pollChanges(source, state, fresh, pollBudget(ctx), emitExisting);
		changes = result.changes.filter((change) => wanted(event, change, statuses));
		commit = () => {
			staticData.tracker = result.state as unknown as IDataObject;
		};
	}
	const items: INodeExecutionData[] = [];
	for (const change of changes) {
		const item: INodeExecutionData = { json: eventItem(event, idField, change, observedAt) };
		if (event === 'fulfilled') await addActivation(ctx, item, change.id);
		items.push(item);
	}
	// Stored last: anything that failed above leaves the previous state for the next poll.
	commit();
	return items;
}

/** Activation details (and the QR image) of a fulfilled order, from the provider sync route. */
async function addActivation(ctx: IPollFunctions, item: INodeExecutionData, orderNo: string): Promise<void> {
	const data = dataOf(await tradeGet(ctx, '/portal/orders', { orderno: orderNo }));
	const list = Array.isArray(data.esimList) && data.esimList.length ? (data.esimList as IDataObject[]) : [data];
	const activations = list.map((esim) => activationFrom(esim));
	Object.assign(item.json, activations[0], activations.length > 1 ? { esims: activations } : {});
	const mode = ctx.getNodeParameter('qrImage', 'render') as QrImageMode;
	await attachQr(ctx, item, activations[0] ?? {}, mode, 'qrCode');
}
