import { ExecutionLifecycleHooks, PollContext, WorkflowExecute } from 'n8n-core';
import {
	createRunExecutionData,
	NodeConnectionTypes,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IConnections,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type IRun,
	type IVersionedNodeType,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials';
import { TestNodeTypes } from './nodeTypes';

/** The trivial start node that feeds the test's items into the workflow. */
class Start implements INodeType {
	description = {
		displayName: 'Start',
		name: 'start',
		group: ['input'],
		version: 1,
		description: 'Test input',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	} as unknown as INodeType['description'];

	async execute(this: import('n8n-workflow').IExecuteFunctions) {
		return [this.getInputData()];
	}
}

export const START_TYPE = 'test.start';

export interface Harness {
	credentials: TestCredentialsHelper;
	nodeTypes: TestNodeTypes;
	additionalData: IWorkflowExecuteAdditionalData;
}

export function createHarness(
	types: Record<string, INodeType | IVersionedNodeType>,
	credentialTypes: ICredentialType[],
	store: Record<string, ICredentialDataDecryptedObject>,
): Harness {
	const credentials = new TestCredentialsHelper(
		Object.fromEntries(credentialTypes.map((t) => [t.name, t])),
		store,
	);
	const nodeTypes = new TestNodeTypes({ [START_TYPE]: new Start(), ...types });
	const base = 'http://localhost:5678';
	const additionalData = {
		credentialsHelper: credentials,
		executionId: 'test-exec',
		currentNodeExecutionIndex: 0,
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: base,
		webhookBaseUrl: `${base}/webhook`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		variables: {},
		logAiEvent: () => {},
	} as unknown as IWorkflowExecuteAdditionalData;
	return { credentials, nodeTypes, additionalData };
}

export interface RunResult {
	run: IRun;
	status: IRun['status'];
	/** Output items (main output 0) of every node, by node name. */
	outputs: Record<string, INodeExecutionData[]>;
	/** The error a node raised, as n8n stores it in run data (a plain-object copy). */
	error?: IDataObject;
}

/** Runs Start → nodes… through n8n-core's real WorkflowExecute. */
export async function runWorkflow(
	harness: Harness,
	nodes: INode[],
	connections: IConnections,
	input: IDataObject[] = [{}],
	mode: WorkflowExecuteMode = 'manual',
	staticData: IDataObject = {},
): Promise<RunResult> {
	const start: INode = {
		id: 'start',
		name: 'Start',
		type: START_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const all = [start, ...nodes];
	const workflow = new Workflow({
		id: 'wf-test',
		name: 'test',
		nodes: all,
		connections,
		nodeTypes: harness.nodeTypes,
		active: false,
		staticData,
	});
	const hooks = new ExecutionLifecycleHooks(mode, 'test-exec', {
		id: 'wf-test',
		name: 'test',
		nodes: all,
		connections,
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	const additionalData = { ...harness.additionalData, hooks } as IWorkflowExecuteAdditionalData;
	const runData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node: start, data: { main: [input.map((json) => ({ json }))] }, source: null },
			],
		},
	});
	const run = await new WorkflowExecute(additionalData, mode, runData).processRunExecutionData(
		workflow,
	);
	const outputs: Record<string, INodeExecutionData[]> = {};
	let error: IDataObject | undefined;
	for (const [name, runs] of Object.entries(run.data.resultData.runData)) {
		const last = runs[runs.length - 1];
		outputs[name] = last?.data?.main?.[0] ?? [];
		if (last?.error) error = last.error as unknown as IDataObject;
	}
	return { run, status: run.status, outputs, error };
}

/** Start → one node; the node's output items and error. */
export async function runNode(
	harness: Harness,
	node: Omit<INode, 'id' | 'position' | 'typeVersion'> & { typeVersion?: number },
	input: IDataObject[] = [{}],
): Promise<RunResult & { items: INodeExecutionData[] }> {
	const full: INode = { id: 'n1', position: [200, 0], typeVersion: 1, ...node } as INode;
	const result = await runWorkflow(
		harness,
		[full],
		{
			Start: { main: [[{ node: full.name, type: NodeConnectionTypes.Main, index: 0 }]] },
		},
		input,
	);
	return { ...result, items: result.outputs[full.name] ?? [] };
}

/** Calls a polling node's poll() the way n8n's scheduler does; static data is round-tripped through JSON by the caller. */
export async function poll(
	harness: Harness,
	nodeType: INodeType,
	node: INode,
	staticData: IDataObject,
	mode: WorkflowExecuteMode = 'trigger',
	budgetMs?: number,
	/** The node's staged data, as n8n's durable poll cursors hand it to the node instead of its static data. */
	stagedCursor?: IDataObject,
): Promise<{ result: INodeExecutionData[][] | null; staticData: IDataObject }> {
	const workflow = new Workflow({
		id: 'wf-poll',
		nodes: [node],
		connections: {},
		nodeTypes: harness.nodeTypes,
		active: true,
		staticData,
	});
	const context = new PollContext(
		workflow,
		node,
		harness.additionalData,
		mode,
		'activate',
		undefined,
		undefined,
		undefined,
		undefined,
		stagedCursor === undefined ? undefined : () => stagedCursor,
		budgetMs === undefined ? undefined : () => budgetMs,
	);
	const result = await nodeType.poll!.call(context);
	return { result, staticData: JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject };
}
