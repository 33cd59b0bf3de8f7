import type { INodeProperties } from 'n8n-workflow';

/** The plan picker: searchable list first, or a slug typed or mapped from an expression. */
export function planLocator(show: Record<string, string[]>, description: string): INodeProperties {
	return {
		displayName: 'Plan',
		name: 'plan',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		displayOptions: { show },
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchPlans', searchable: true, searchFilterRequired: false },
			},
			{
				displayName: 'By Slug',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. ES_3_30',
				hint: 'The plan slug from the eSIMTrade catalog',
			},
		],
	};
}
