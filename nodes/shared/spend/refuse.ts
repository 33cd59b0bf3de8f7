import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import type { SpendSettings } from './settings';
import { fixedMaxTotal, isToolCall } from './toolMode';

export const NOTHING = 'Nothing was bought.';

/** Refuses the purchase: a NodeOperationError with the item index; no money-moving request was sent. */
export function refuse(
	ctx: IExecuteFunctions,
	i: number,
	message: string,
	description: string,
	tool: boolean,
): never {
	// An AI Agent sees only the message, so in tool mode it carries the whole explanation.
	const said = description.startsWith(NOTHING) ? description : `${NOTHING} ${description}`;
	const text = tool ? `${message}. ${said}` : message;
	throw new NodeOperationError(ctx.getNode(), text, { itemIndex: i, description: said });
}

export function toolLimitText(limit: number | undefined, currency = ''): string {
	return limit === undefined
		? ''
		: `This tool may spend at most ${limit.toFixed(2)}${currency ? ` ${currency}` : ''} per call; ask for less or for a person to buy it.`;
}

/** The tool-mode rule: money moves only within a Max Total the workflow author fixed. */
export function requireFixedLimit(
	ctx: IExecuteFunctions,
	i: number,
	settings: SpendSettings,
): number | undefined {
	if (!isToolCall(ctx)) return undefined;
	const fixed = fixedMaxTotal(ctx.getNode());
	if (fixed === undefined || settings.maxTotal === undefined) {
		refuse(
			ctx,
			i,
			'Refused: as an AI Agent tool this node buys only within a fixed Max Total set by the workflow author, and none is set',
			'The author can open this node, add Options → Max Total and type a fixed amount (not an expression, which the model could fill). Read-only operations need no limit.',
			true,
		);
	}
	return fixed;
}
