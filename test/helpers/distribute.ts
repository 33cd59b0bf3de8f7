import { LoadOptionsContext } from 'n8n-core';
import {
	NodeConnectionTypes,
	Workflow,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeListSearchResult,
	type INodeParameters,
	type INodeType,
} from 'n8n-workflow';

import { EsimDistributeApi } from '../../credentials/EsimDistributeApi.credentials';
import { EsimDistribute } from '../../nodes/EsimDistribute/EsimDistribute.node';
import { startSandbox, type Sandbox, type StartOptions } from '../../sandbox';
import { createHarness, runNode, runWorkflow, type Harness } from '../harness/run';

export const DISTRIBUTE_TYPE = 'n8n-nodes-esim.esimDistribute';
export const PASSWORD = 'demo-password';
export const EMAIL = 'demo@esimdistribute.test';
const ACTION_TYPE = 'test.action';
const CREDENTIAL = {
	esimDistributeApi: { id: 'cred-distribute', name: 'eSIM Distribute account' },
};

/** A pass-through node that runs a test callback when the workflow reaches it (e.g. to move the sandbox clock). */
class Action implements INodeType {
	static callback: () => void = () => {};

	description = {
		displayName: 'Action',
		name: 'action',
		group: ['transform'],
		version: 1,
		description: 'Test action',
		defaults: { name: 'Action' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions) {
		Action.callback();
		return [this.getInputData()];
	}
}

export interface DistributeFixture {
	sandbox: Sandbox;
	harness: Harness;
	/** Runs Start → eSIM Distribute with these parameters on these input items. */
	run(
		parameters: IDataObject,
		input?: IDataObject[],
		node?: Partial<INode>,
	): ReturnType<typeof runNode>;
	/** Runs Start → eSIM Distribute → Action → eSIM Distribute; `between` runs at Action. */
	runTwice(
		first: IDataObject,
		second: IDataObject,
		between: () => void,
	): ReturnType<typeof runWorkflow>;
	/** Calls a `listSearch` method the way the editor does. */
	search(
		method: 'searchPlans' | 'searchOrders',
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult>;
	/** The session token the credential holds now. */
	token(): string;
	close(): Promise<void>;
}

export async function distributeFixture(
	options: StartOptions = {},
	credentials: IDataObject = {},
): Promise<DistributeFixture> {
	const sandbox = await startSandbox({ port: 0, ...options });
	const harness = createHarness(
		{
			[DISTRIBUTE_TYPE]: new EsimDistribute(),
			[`${DISTRIBUTE_TYPE}Tool`]: new EsimDistribute(),
			[ACTION_TYPE]: new Action(),
		},
		[new EsimDistributeApi()],
		{
			esimDistributeApi: {
				email: EMAIL,
				password: PASSWORD,
				baseUrl: sandbox.distributeBaseUrl,
				sessionToken: '',
				...credentials,
			},
		},
	);
	const node = (name: string, parameters: IDataObject, x: number): INode => ({
		id: name,
		name,
		type: DISTRIBUTE_TYPE,
		typeVersion: 1,
		position: [x, 0],
		parameters: parameters as INodeParameters,
		credentials: CREDENTIAL,
	});
	const link = (to: string) => ({
		main: [[{ node: to, type: NodeConnectionTypes.Main, index: 0 }]],
	});
	return {
		sandbox,
		harness,
		run: async (parameters, input = [{}], extra = {}) =>
			await runNode(
				harness,
				{
					name: 'eSIM Distribute',
					type: DISTRIBUTE_TYPE,
					parameters: parameters as INodeParameters,
					credentials: CREDENTIAL,
					...extra,
				},
				input,
			),
		runTwice: async (first, second, between) => {
			Action.callback = between;
			const action: INode = {
				id: 'action',
				name: 'Action',
				type: ACTION_TYPE,
				typeVersion: 1,
				position: [400, 0],
				parameters: {},
			};
			return await runWorkflow(
				harness,
				[node('First', first, 200), action, node('Second', second, 600)],
				{
					Start: link('First'),
					First: link('Action'),
					Action: link('Second'),
				},
			);
		},
		search: async (method, filter, paginationToken) => {
			const target = node('eSIM Distribute', { resource: 'order', operation: 'get' }, 200);
			const workflow = new Workflow({
				id: 'wf-search',
				nodes: [target],
				connections: {},
				nodeTypes: harness.nodeTypes,
				active: false,
			});
			const context = new LoadOptionsContext(
				workflow,
				target,
				harness.additionalData,
				'parameters.order',
			);
			const type = harness.nodeTypes.getByNameAndVersion(DISTRIBUTE_TYPE) as EsimDistribute;
			return await type.methods.listSearch[method].call(context, filter, paginationToken);
		},
		token: () => String(harness.credentials.store.esimDistributeApi?.sessionToken ?? ''),
		close: async () => await sandbox.close(),
	};
}

/** A plan or order picked from the list, as the editor stores it. */
export const fromList = (value: string) => ({ __rl: true, mode: 'list', value });

/** The first `n` available plan ids of the sandbox catalog. */
export function planIds(sandbox: Sandbox, n = 2): string[] {
	return sandbox.distribute.plans
		.filter((p) => p.active)
		.slice(0, n)
		.map((p) => p.id);
}

/** Requests the sandbox received (after any fault) for a method and `/api/tenant` path. */
export function requestsTo(sandbox: Sandbox, method: string, path: string): number {
	return sandbox.log.count({ method, path: `/api/tenant${path}` });
}

/** Checkout parameters for the given plans (quantity 1 each unless given), not waiting for fulfilment unless `extra` says so. */
export function checkout(lines: Array<[string, number?]>, extra: IDataObject = {}): IDataObject {
	return {
		resource: 'order',
		operation: 'checkout',
		itemsInput: 'fields',
		items: { item: lines.map(([id, quantity = 1]) => ({ plan: fromList(id), quantity })) },
		email: 'traveller@example.com',
		customerName: 'Test Customer',
		waitForFulfilment: false,
		...extra,
	};
}
