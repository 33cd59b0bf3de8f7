/** Reads Return All / Limit at an item index: undefined limit means all. */
export function readLimit(
	getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) => unknown,
	itemIndex: number,
): number | undefined {
	if (getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return getNodeParameter('limit', itemIndex, 50) as number;
}
