import type { IDataObject, INode, INodeExecutionData, INodeType } from 'n8n-workflow';

import { poll, type Harness } from '../harness/run';

/**
 * Drives a polling trigger the way n8n's scheduler does: static data goes
 * through JSON between polls (as when n8n saves and reloads it), and the node
 * can be "restarted" with a fresh instance at any time.
 */
export class Poller {
	staticData: IDataObject = {};

	constructor(
		private readonly harness: Harness,
		private nodeType: INodeType,
		private readonly node: INode,
		private readonly makeType: () => INodeType,
	) {}

	restart(): void {
		this.nodeType = this.makeType();
		this.staticData = JSON.parse(JSON.stringify(this.staticData)) as IDataObject;
	}

	/** One scheduled poll; the stored state changes only when the poll succeeds. */
	async poll(budgetMs?: number): Promise<IDataObject[]> {
		const input = JSON.parse(JSON.stringify(this.staticData)) as IDataObject;
		const { result, staticData } = await poll(
			this.harness,
			this.nodeType,
			this.node,
			input,
			'trigger',
			budgetMs,
		);
		this.staticData = staticData;
		return (result?.[0] ?? []).map((item: INodeExecutionData) => item.json);
	}

	/** What "Fetch Test Event" does: returns a sample and must not change the stored state. */
	async manual(): Promise<{ items: INodeExecutionData[]; staticData: IDataObject }> {
		const input = JSON.parse(JSON.stringify(this.staticData)) as IDataObject;
		const { result, staticData } = await poll(
			this.harness,
			this.nodeType,
			this.node,
			input,
			'manual',
		);
		return { items: result?.[0] ?? [], staticData };
	}

	stateBytes(): number {
		return Buffer.byteLength(JSON.stringify(this.staticData));
	}
}
