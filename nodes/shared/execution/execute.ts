import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { findBadIccid } from '../esim/iccid';
import { redactForRun } from '../transport/request';

export type ItemOperation = (
	this: IExecuteFunctions,
	itemIndex: number,
) => Promise<INodeExecutionData[]>;

/** The item a failed input becomes when the node is set to continue on fail. */
function errorItem(error: unknown, itemIndex: number): INodeExecutionData {
	const e = error as {
		message?: string;
		description?: string;
		httpCode?: string | null;
		context?: IDataObject;
	};
	const json: IDataObject = { error: e.message ?? String(error) };
	if (e.description) json.description = e.description;
	if (e.httpCode) json.statusCode = Number(e.httpCode);
	// What a purchase with an unclear outcome needs to be found again.
	for (const key of ['outcome', 'idempotencyKey'])
		if (e.context?.[key] !== undefined) json[key] = e.context[key];
	return { json, pairedItem: { item: itemIndex } };
}

/** Makes sure an error names the item it came from. */
function withItemIndex(ctx: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof Error && 'context' in error) {
		const context = (error as { context: IDataObject }).context;
		context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

/**
 * The last check before items leave: no output carries an ICCID that breaks the
 * ICCID rule (a number whose digits were lost, a wrong check digit), whichever
 * operation built it, so no customer is ever given a wrong ICCID.
 */
function refuseBadIccids(ctx: IExecuteFunctions, items: INodeExecutionData[], i: number): void {
	for (const item of items) {
		const bad = findBadIccid(item.json);
		if (!bad) continue;
		throw new NodeOperationError(ctx.getNode(), `${bad.message} in the field "${bad.field}"`, {
			itemIndex: i,
			description:
				"The item was not output, so that no customer is given a wrong ICCID. If it came from a purchase or top-up, that went through: check it in the provider's portal and do not run it again. If this repeats, ask the provider to send ICCIDs as text.",
		});
	}
}

/**
 * The item loop every action node runs: one operation per input item, output
 * paired with its input, and a failed item turned into an error item when the
 * node is set to continue on fail.
 */
export async function executeItems(
	ctx: IExecuteFunctions,
	route: (ctx: IExecuteFunctions, itemIndex: number) => ItemOperation,
): Promise<INodeExecutionData[]> {
	const items = ctx.getInputData();
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const operation = route(ctx, i);
			const result = await operation.call(ctx, i);
			refuseBadIccids(ctx, result, i);
			// One push per item: spreading a long result into push() overflows the call stack.
			for (const item of ctx.helpers.constructExecutionMetaData(result, { itemData: { item: i } }))
				out.push(item);
		} catch (error) {
			// The credential's secret values never leave in an error, whichever code raised it.
			redactForRun(ctx, error);
			if (!ctx.continueOnFail()) throw withItemIndex(ctx, error, i);
			out.push(errorItem(error, i));
		}
	}
	return out;
}
