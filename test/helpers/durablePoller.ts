import type { IDataObject, INode, INodeExecutionData, INodeType } from 'n8n-workflow';

import { poll, type Harness } from '../harness/run';

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * Drives a polling trigger the way n8n 2.40+ does with durable poll cursors on
 * (N8N_SCHEDULER_ENABLED, N8N_SCHEDULER_POLL_TRIGGERS_ENABLED, N8N_POLLER_DURABLE_CURSORS_ENABLED):
 * - each poll gets a staged copy of the committed cursor as its node static data;
 * - the poll n8n runs while activating the workflow is a test: its staged cursor is dropped,
 *   while the workflow's static data is saved (n8n saves it at the end of the activation);
 * - a scheduled poll commits its staged cursor with the execution it starts, or on its own when
 *   it returns nothing; the workflow's static data is saved only when the poll emits;
 * - a poll that crashes before the commit (`crash`) commits nothing.
 */
export class DurablePoller {
	/** poller_state.cursor */
	cursor: IDataObject = {};
	/** workflow_entity.staticData */
	workflowData: IDataObject = {};

	constructor(
		private readonly harness: Harness,
		private readonly nodeType: INodeType,
		private readonly node: INode,
	) {}

	async poll({
		activation = false,
		crash = false,
	}: { activation?: boolean; crash?: boolean } = {}): Promise<IDataObject[]> {
		const staged = copy(this.cursor);
		const { result, staticData } = await poll(
			this.harness,
			this.nodeType,
			this.node,
			copy(this.workflowData),
			'trigger',
			undefined,
			staged,
		);
		const items = (result?.[0] ?? []).map((item: INodeExecutionData) => item.json);
		if (crash) return [];
		if (activation || result) this.workflowData = staticData;
		if (!activation) this.cursor = copy(staged);
		return items;
	}
}
