import type { INodeProperties } from 'n8n-workflow';

/** "Return All" + "Limit" for a list operation, shown for the given resource and operation. */
export function returnAllLimit(resource: string, operation: string): INodeProperties[] {
	const show = { resource: [resource], operation: [operation] };
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			displayOptions: { show },
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			displayOptions: { show: { ...show, returnAll: [false] } },
			description: 'Max number of results to return',
		},
	];
}

/** Reads Return All / Limit at an item index: undefined limit means all. */
export function readLimit(
	getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) => unknown,
	itemIndex: number,
): number | undefined {
	if (getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return getNodeParameter('limit', itemIndex, 50) as number;
}
