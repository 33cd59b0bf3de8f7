import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { triggerState } from '../../shared/trigger/state';
import { tradeClient } from '../transport/client';
import { iccidOf } from './sources';

interface UsageState {
	v: 1;
	kind: string;
	/** ICCIDs of watched eSIMs already reported for this percentage. */
	fired: string[];
}

/**
 * Data usage of the newest active eSIMs (up to Max eSIMs Watched), from the sync
 * route's `orderUsage` / `totalVolume`: one request per watched eSIM, because no
 * list reports usage. One event per eSIM per percentage.
 */
export async function pollUsage(ctx: IPollFunctions): Promise<INodeExecutionData[]> {
	const percent = ctx.getNodeParameter('usagePercent', 80) as number;
	const maxWatched = Math.min(100, Math.max(1, ctx.getNodeParameter('maxWatched', 20) as number));
	const client = tradeClient(ctx);
	const list = await client.page('esims', 1, maxWatched, { status: 'in_use' });
	const iccids = list.rows.map(iccidOf).filter(Boolean).slice(0, maxWatched);
	const manual = ctx.getMode() === 'manual';
	const state = manual ? undefined : triggerState(ctx);
	const stored = state?.read('usage') as Partial<UsageState> | undefined;
	const kind = `usage:${percent}`;
	const fresh = stored?.v !== 1 || stored.kind !== kind;
	const fired = new Set(fresh ? [] : (stored.fired ?? []));
	const emitExisting = ctx.getNodeParameter('emitExisting', false) as boolean;
	const observedAt = new Date().toISOString();
	const items: INodeExecutionData[] = [];
	for (const iccid of manual ? iccids.slice(0, 1) : iccids) {
		const { data } = await client.syncOrder({ iccid });
		const total = Number(data.totalVolume);
		const used = Number(data.orderUsage);
		const usagePercent = total > 0 ? Math.round((used / total) * 10000) / 100 : 0;
		const event = {
			event: 'usageCrossed',
			eventId: `usageCrossed:${iccid}:${percent}`,
			iccid,
			usagePercent,
			threshold: percent,
			...data,
			observedAt,
		};
		if (manual) return [{ json: event }];
		if (usagePercent < percent || fired.has(iccid)) continue;
		fired.add(iccid);
		if (!fresh || emitExisting) items.push({ json: event });
	}
	if (manual) return [];
	// Only eSIMs still watched are remembered, so the state stays as small as the watch list.
	const next: UsageState = { v: 1, kind, fired: [...fired].filter((id) => iccids.includes(id)) };
	state?.write('usage', next as unknown as IDataObject, fresh);
	return items;
}
