import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

/**
 * The tool variant of a `usableAsTool` node, built the way n8n's NodeTypes does
 * for `<name>Tool`: the node's own prototype (its `execute` runs unchanged),
 * with no main input and an `ai_tool` output.
 */
export function asToolType(base: INodeType): INodeType {
	const tool = Object.create(base) as INodeType;
	const description: INodeTypeDescription = {
		...base.description,
		name: `${base.description.name}Tool`,
		displayName: `${base.description.displayName} Tool`,
		inputs: [],
		outputs: [NodeConnectionTypes.AiTool],
	};
	delete (description as Partial<INodeTypeDescription>).usableAsTool;
	Object.defineProperty(tool, 'description', { value: description });
	return tool;
}

interface Tool {
	name: string;
	description: string;
	invoke(args: IDataObject): Promise<string>;
}

/**
 * A stand-in for AI Agent 1.x/2.x: it asks n8n-core for its connected tools
 * (`getInputConnectionData('ai_tool')`, which wraps each tool node with
 * `createNodeAsTool`) and calls them inline through LangChain's
 * `tool.invoke()`, so each tool node runs in a SupplyDataContext. The calls to
 * make come from the `calls` parameter: `[{ tool, args }]`. One output item
 * per call: the tool's name and description and its answer or error.
 */
export class InlineAgent implements INodeType {
	description = {
		displayName: 'Inline Agent',
		name: 'inlineAgent',
		group: ['transform'],
		version: 1,
		description: 'Calls tools inline',
		defaults: { name: 'Inline Agent' },
		inputs: [NodeConnectionTypes.Main, { type: NodeConnectionTypes.AiTool, displayName: 'Tools' }],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Calls', name: 'calls', type: 'json', default: '[]' }],
	} as unknown as INodeTypeDescription;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const tools = (await this.getInputConnectionData(NodeConnectionTypes.AiTool, 0)) as Tool[];
		const calls = JSON.parse(this.getNodeParameter('calls', 0) as string) as Array<{
			tool: string;
			args: IDataObject;
		}>;
		const out: INodeExecutionData[] = [];
		for (const call of calls) {
			const tool = tools.find((t) => t.name === call.tool);
			if (!tool)
				throw new Error(
					`No tool named ${call.tool}; offered: ${tools.map((t) => t.name).join(', ')}`,
				);
			try {
				out.push({
					json: {
						tool: tool.name,
						description: tool.description,
						answer: JSON.parse(await tool.invoke(call.args)) as IDataObject,
					},
				});
			} catch (error) {
				out.push({
					json: { tool: tool.name, description: tool.description, error: (error as Error).message },
				});
			}
		}
		return [out];
	}
}
