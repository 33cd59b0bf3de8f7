import type { INodeProperties } from 'n8n-workflow';

import { locator } from '../../shared/fields/descriptions';

/** The plan picker: searchable list first, or a slug typed or mapped from an expression. */
export function planLocator(show: Record<string, string[]>, description: string): INodeProperties {
	return locator({
		displayName: 'Plan',
		name: 'plan',
		searchListMethod: 'searchPlans',
		idLabel: 'By Slug',
		placeholder: 'e.g. ES_3_30',
		hint: 'The plan slug from the eSIMTrade catalog',
		description,
		show,
	});
}
