import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

/** The Simplify toggle of an operation whose rows carry more fields than a workflow usually needs. */
export function simplifyToggle(
	show: Record<string, string[]>,
	kept: string,
	provider: string,
): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		displayOptions: { show },
		description: `Whether to return only ${kept} instead of every field ${provider} sends`,
	};
}

/** Reads Simplify at an item: the rows as items, each cut down by `shape` while Simplify is on. */
export function simplifiedItems(
	ctx: IExecuteFunctions,
	itemIndex: number,
	rows: IDataObject[],
	shape: (row: IDataObject) => IDataObject,
): INodeExecutionData[] {
	const simplify = ctx.getNodeParameter('simplify', itemIndex, true) as boolean;
	return rows.map((row) => ({ json: simplify ? shape(row) : row }));
}

/** The listed fields of a row that are set, in the listed order. */
export function pick(row: IDataObject, fields: readonly string[]): IDataObject {
	const out: IDataObject = {};
	for (const field of fields) if (row[field] !== undefined) out[field] = row[field];
	return out;
}
