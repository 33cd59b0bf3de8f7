import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { classifyStatus } from '../esim/status';
import { pollBudget } from './budget';
import { eventItem } from './events';
import { triggerState } from './state';
import { loadState, pollChanges } from './tracker';
import type { Change, StatusEvent, StatusSource } from './types';

/** How long a record is followed for an event: to its final status, until issued or failed, or not at all. */
export type TrackMode = 'all' | 'untilIssued' | 'none';

export function trackModeFor(event: StatusEvent): TrackMode {
	if (event === 'newOrder') return 'none';
	if (event === 'fulfilled' || event === 'failed') return 'untilIssued';
	return 'all';
}

/** Whether a record in `status` is still followed, given the statuses after which it never changes. */
export function isTrackedFor(mode: TrackMode, status: string, final: ReadonlySet<string>): boolean {
	if (mode === 'none') return false;
	if (mode === 'untilIssued') {
		// Pending and unknown statuses are followed until the record is issued or failed.
		const state = classifyStatus(status);
		return state === 'pending' || state === 'unknown';
	}
	return !final.has(status.toLowerCase());
}

/** Whether a change is reported for the chosen event. */
export function wantedChange(event: StatusEvent, change: Change, statuses: string[]): boolean {
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

export interface StatusEventsConfig {
	event: StatusEvent;
	source: StatusSource;
	/** Output field holding the record's id (`providerOrderNo`, `iccid`, `id`). */
	idField: string;
	/** Names what is watched; a different value starts a new baseline. */
	kind: string;
	/**
	 * Adds details to an event item before it is emitted (e.g. activation details
	 * of a fulfilled order). `false` holds the event back: it is not emitted, and
	 * the record keeps its previous status, so a later poll reports it again.
	 */
	enrich?: (item: INodeExecutionData, change: Change) => Promise<boolean>;
}

/**
 * Order/eSIM status events for a polling trigger. In manual mode ("Fetch Test
 * Event") the newest record is returned as a sample and the state is not touched.
 * Otherwise the shared tracker finds the changes, and the new state is stored
 * only after every item was built, so a failure anywhere leaves the previous
 * state for the next poll.
 */
export async function pollStatusEvents(
	ctx: IPollFunctions,
	config: StatusEventsConfig,
): Promise<INodeExecutionData[]> {
	const { event, source } = config;
	const observedAt = new Date().toISOString();
	const statuses = (ctx.getNodeParameter('statuses', []) as string[]) ?? [];
	let changes: Change[];
	let notes: string[] = [];
	let commit = () => {};
	let holdBack: (change: Change) => void = () => {};
	if (ctx.getMode() === 'manual') {
		const [row] = (await source.fetchPage(1)).rows;
		if (!row) return [];
		changes = [{ id: source.idOf(row), row, previousStatus: null, status: source.statusOf(row) }];
	} else {
		const stored = triggerState(ctx);
		const { state, fresh } = loadState(stored.read('tracker'), config.kind);
		const emitExisting = ctx.getNodeParameter('emitExisting', false) as boolean;
		const result = await pollChanges(source, state, fresh, pollBudget(ctx), emitExisting);
		changes = result.changes.filter((change) => wantedChange(event, change, statuses));
		notes = result.notes;
		commit = () => {
			stored.write('tracker', result.state as unknown as IDataObject, fresh);
		};
		holdBack = (change) => {
			result.state.known[change.id] = change.previousStatus ?? '';
		};
	}
	const items: INodeExecutionData[] = [];
	for (const change of changes) {
		const item: INodeExecutionData = { json: eventItem(event, config.idField, change, observedAt) };
		if (notes.length) item.json.trackingNote = notes.join(' ');
		const ready = config.enrich ? await config.enrich(item, change) : true;
		if (ready || ctx.getMode() === 'manual') items.push(item);
		else holdBack(change);
	}
	commit();
	return items;
}
