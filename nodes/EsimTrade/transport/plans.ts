import type { IDataObject } from 'n8n-workflow';

import type { RequestContext } from '../../shared/transport/types';
import { tradeGet } from './index';

/** The catalog rows, whatever list shape `GET /portal/plans` uses (`data` array, or a list inside it). */
export function catalogRows(body: IDataObject): IDataObject[] {
	const data = body.data ?? body;
	if (Array.isArray(data)) return data as IDataObject[];
	if (data && typeof data === 'object') {
		const record = data as IDataObject;
		for (const key of ['packageList', 'plans', 'packages', 'items']) {
			if (Array.isArray(record[key])) return record[key] as IDataObject[];
		}
		if (record.slug || record.packageCode) return [record];
	}
	return [];
}

export async function fetchCatalog(
	ctx: RequestContext,
	itemIndex?: number,
): Promise<IDataObject[]> {
	return catalogRows(await tradeGet(ctx, '/portal/plans', undefined, itemIndex, { size: 'page' }));
}
