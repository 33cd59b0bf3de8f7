import type { IDataObject } from 'n8n-workflow';

import type { Change } from './types';

/** `changedAt` from the record when it carries a usable time, else when the change was observed. */
function changedAt(row: IDataObject, observedAt: string): string {
	for (const key of ['updatedAt', 'statusChangedAt', 'modifiedAt']) {
		const value = row[key];
		if (typeof value === 'string' && !Number.isNaN(Date.parse(value)))
			return new Date(value).toISOString();
	}
	return observedAt;
}

/**
 * The item a trigger emits for one change. `eventId` is stable for the same
 * transition of the same record, so a downstream step can de-duplicate if n8n
 * ever delivers a poll twice.
 */
export function eventItem(
	event: string,
	idField: string,
	change: Change,
	observedAt: string,
): IDataObject {
	const from = change.previousStatus ?? 'new';
	return {
		...change.row,
		event,
		eventId: `${event}:${change.id}:${from}>${change.status}`,
		[idField]: change.id,
		previousStatus: change.previousStatus,
		status: change.status,
		changedAt: changedAt(change.row, observedAt),
		observedAt,
	};
}

/** Threshold watch (e.g. wallet balance): fires once per downward crossing, re-arms when the value is back at or above it. */
export interface ThresholdState {
	v: 1;
	kind: string;
	armed: boolean;
	last?: number;
}

export function crossThreshold(
	stored: unknown,
	kind: string,
	value: number,
	threshold: number,
	emitExisting: boolean,
): { state: ThresholdState; fired: boolean } {
	const s = stored as Partial<ThresholdState> | undefined;
	const below = value < threshold;
	if (s?.v !== 1 || s.kind !== kind) {
		// First poll: a balance already below fires only when asked to report existing state.
		return { state: { v: 1, kind, armed: !below, last: value }, fired: below && emitExisting };
	}
	if (below && s.armed) return { state: { v: 1, kind, armed: false, last: value }, fired: true };
	return {
		state: { v: 1, kind, armed: below ? Boolean(s.armed) : true, last: value },
		fired: false,
	};
}
