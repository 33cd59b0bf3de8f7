import type { IExecuteFunctions, INode } from 'n8n-workflow';

/**
 * Whether an AI Agent is calling the node as a tool. Under AI Agent 3.x the
 * engine runs the tool as an ordinary node whose type carries the `Tool`
 * suffix (`<package>.<node>Tool`) and `isToolExecution()` is false; under Agent 1.x
 * and 2.x (and sub-agents) the node runs inside LangChain, where
 * `isToolExecution()` is true. Either one counts.
 */
export function isToolCall(
	ctx: Pick<IExecuteFunctions, 'getNode'> & Partial<Pick<IExecuteFunctions, 'isToolExecution'>>,
): boolean {
	const last = ctx.getNode().type.split('.').pop() ?? '';
	if (last.endsWith('Tool') || last.startsWith('tool')) return true;
	return typeof ctx.isToolExecution === 'function' && ctx.isToolExecution() === true;
}

/**
 * Max Total as the workflow author typed it, when it is a fixed number. An
 * expression does not count: in tool mode its input (the `$fromAI` arguments,
 * and `$json`, which carries the model's arguments too) comes from the model.
 */
export function fixedMaxTotal(node: INode): number | undefined {
	const options = node.parameters.options;
	if (!options || typeof options !== 'object' || Array.isArray(options)) return undefined;
	const raw = (options as Record<string, unknown>).maxTotal;
	if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
	if (typeof raw === 'string' && !raw.startsWith('=') && /^\s*\d+(\.\d+)?\s*$/.test(raw))
		return Number(raw);
	return undefined;
}
