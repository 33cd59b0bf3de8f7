import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

/**
 * The Output choice of a read operation: Simplified, Raw or Selected Fields.
 * The parameter keeps the name and the values of the older Simplify toggle (`true` = Simplified,
 * `false` = Raw), so a saved workflow reads and runs as before; Selected Fields is the new `'selected'`.
 */
export function simplifyToggle(
	show: Record<string, string[]>,
	kept: string,
	provider: string,
): INodeProperties[] {
	return [
		{
			displayName: 'Output',
			name: 'simplify',
			type: 'options',
			default: true,
			displayOptions: { show },
			options: [
				{
					name: 'Simplified',
					value: true,
					description: `Only ${kept}`,
				},
				{
					name: 'Raw',
					value: false,
					description: `Every field ${provider} sends`,
				},
				{
					name: 'Selected Fields',
					value: 'selected',
					description: 'Only the fields you list',
				},
			],
			description: 'Which fields each output item carries',
			builderHint: {
				propertyHint:
					'Keep Simplified unless a later step needs a field it leaves out; Selected Fields keeps output small for an AI agent',
			},
		},
		{
			displayName: 'Fields',
			name: 'selectedFields',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. status, iccid, plan.name',
			displayOptions: { show: { ...show, simplify: ['selected'] } },
			description:
				'Comma-separated names of the fields to keep, as in Raw output; use a dot for a nested field',
		},
	];
}

export type RowShape = (row: IDataObject) => IDataObject;

/** How the item's Output choice shapes a row: `simplified` for Simplified, the row itself for Raw, or the listed fields. */
export function outputShape(
	ctx: IExecuteFunctions,
	itemIndex: number,
	simplified: RowShape,
): RowShape {
	const output = ctx.getNodeParameter('simplify', itemIndex, true) as unknown;
	if (output === 'selected') {
		const fields = selectedFields(ctx, itemIndex);
		return (row) => pickPaths(row, fields);
	}
	if (output === false || output === 'false' || output === 'raw') return (row) => row;
	return simplified;
}

/** The rows as items, each shaped by the item's Output choice. */
export function simplifiedItems(
	ctx: IExecuteFunctions,
	itemIndex: number,
	rows: IDataObject[],
	shape: RowShape,
): INodeExecutionData[] {
	const apply = outputShape(ctx, itemIndex, shape);
	return rows.map((row) => ({ json: apply(row) }));
}

function selectedFields(ctx: IExecuteFunctions, itemIndex: number): string[] {
	const raw = ctx.getNodeParameter('selectedFields', itemIndex, '') as unknown;
	const list = (Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(','))
		.map((field) => field.trim())
		.filter(Boolean);
	if (list.length === 0)
		throw new NodeOperationError(ctx.getNode(), 'Fields is empty', {
			itemIndex,
			description:
				'With Output set to Selected Fields, list the fields to keep, separated by commas (e.g. status, iccid), or choose Simplified or Raw',
		});
	return list;
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The listed fields (dot paths allowed) of a row that are set, in the listed order; a nested field keeps its path. */
export function pickPaths(row: IDataObject, fields: readonly string[]): IDataObject {
	const out: IDataObject = {};
	for (const field of fields) {
		if (field.split('.').some((key) => UNSAFE_KEYS.has(key))) continue;
		if (row[field] !== undefined) {
			out[field] = row[field];
			continue;
		}
		const value = field
			.split('.')
			.reduce<unknown>(
				(at, key) => (at !== null && typeof at === 'object' ? (at as IDataObject)[key] : undefined),
				row,
			);
		if (value !== undefined) setPath(out, field.split('.'), value as IDataObject[string]);
	}
	return out;
}

function setPath(target: IDataObject, path: string[], value: IDataObject[string]): void {
	let at = target;
	for (const key of path.slice(0, -1)) {
		if (at[key] === null || typeof at[key] !== 'object' || Array.isArray(at[key])) at[key] = {};
		at = at[key] as IDataObject;
	}
	at[path[path.length - 1]] = value;
}

/** The listed fields of a row that are set, in the listed order. */
export function pick(row: IDataObject, fields: readonly string[]): IDataObject {
	const out: IDataObject = {};
	for (const field of fields) if (row[field] !== undefined) out[field] = row[field];
	return out;
}
