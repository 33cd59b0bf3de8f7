import type { IDataObject, IPollFunctions } from 'n8n-workflow';

/** Key in the workflow's static data under which a trigger node keeps its activation baseline. */
const BASELINE_KEY = 'esimTriggerBaseline';

/**
 * Where a polling trigger keeps its state between polls.
 *
 * The state lives in the node's static data. With n8n's durable poll cursors
 * (`N8N_SCHEDULER_ENABLED`, `N8N_SCHEDULER_POLL_TRIGGERS_ENABLED`,
 * `N8N_POLLER_DURABLE_CURSORS_ENABLED`), n8n stages the node's static data for
 * each poll and commits it together with the execution the poll starts (or on
 * its own after a poll that found nothing). The poll n8n runs while it
 * activates the workflow is only a test: its staged node data is dropped, so
 * the baseline it took would be lost and the first scheduled poll would take a
 * new one, silently skipping every change in between.
 *
 * So a poll that takes a new baseline also leaves a copy in the workflow's
 * static data (saved when n8n activates the workflow), and a later poll whose
 * node data is still empty starts from that copy. Once the node data holds the
 * state (a committed cursor, or the classic static data), the copy is removed.
 */
export interface TriggerState {
	/** The stored value for `key`, or the activation baseline while the node has none yet. */
	read(key: string): unknown;
	/** Stores the state after a successful poll; `fresh` when the poll took a new baseline. */
	write(key: string, value: IDataObject, fresh: boolean): void;
}

export function triggerState(ctx: IPollFunctions): TriggerState {
	const node = ctx.getWorkflowStaticData('node');
	const workflow = ctx.getWorkflowStaticData('global');
	const nodeId = ctx.getNode().id;
	const baselines = (): IDataObject => {
		const all = workflow[BASELINE_KEY];
		return all && typeof all === 'object' ? (all as IDataObject) : {};
	};
	const baselineOf = (key: string): unknown => (baselines()[nodeId] as IDataObject)?.[key];
	const setBaseline = (key: string, value: IDataObject | undefined) => {
		const all = { ...baselines() };
		const mine = { ...((all[nodeId] as IDataObject) ?? {}) };
		if (value === undefined) delete mine[key];
		else mine[key] = JSON.parse(JSON.stringify(value)) as IDataObject;
		if (Object.keys(mine).length) all[nodeId] = mine;
		else delete all[nodeId];
		if (Object.keys(all).length) workflow[BASELINE_KEY] = all;
		else delete workflow[BASELINE_KEY];
	};
	return {
		read(key) {
			if (node[key] !== undefined) {
				// The node's own state was committed: the activation baseline has done its job.
				if (baselineOf(key) !== undefined) setBaseline(key, undefined);
				return node[key];
			}
			return baselineOf(key);
		},
		write(key, value, fresh) {
			node[key] = value;
			if (fresh) setBaseline(key, value);
		},
	};
}
