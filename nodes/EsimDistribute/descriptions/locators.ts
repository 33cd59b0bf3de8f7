import type { INodeProperties } from 'n8n-workflow';

import { locator } from '../../shared/fields/descriptions';

/** The plan picker (available plans, searchable), or a plan ID typed or mapped from an expression. */
export function planLocator(description: string, show?: Record<string, string[]>): INodeProperties {
	return locator({
		displayName: 'Plan',
		name: 'plan',
		searchListMethod: 'searchPlans',
		idLabel: 'By ID',
		placeholder: 'e.g. 0f8c2b9e-4d7a-4c1e-9b3a-2e5f6a7b8c9d',
		hint: 'The plan ID from Plan → Get Many',
		description,
		show,
	});
}

/** The order picker (newest orders, searchable), or an order ID typed or mapped from an expression. */
export function orderLocator(show: Record<string, string[]>): INodeProperties {
	return locator({
		displayName: 'Order',
		name: 'order',
		searchListMethod: 'searchOrders',
		idLabel: 'By ID',
		placeholder: 'e.g. 7d2f4c1a-9e3b-4b8d-a6c5-1f0e2d3c4b5a',
		hint: 'The order ID (not the ED- order number) from checkout or Order → Get Many',
		description: 'The order to read',
		show,
	});
}

/** Maps a resource locator value (or a plain string) to its value. */
export function locatorValue(value: unknown): unknown {
	if (value !== null && typeof value === 'object' && '__rl' in value)
		return (value as { value?: unknown }).value;
	return value;
}
