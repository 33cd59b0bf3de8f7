import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { EventEntry } from './types';

/** The Trigger On options for these events of a catalogue, sorted by name as n8n lists options. */
export function eventOptions<E extends string>(
	catalogue: Record<E, EventEntry>,
	events: readonly E[],
): INodePropertyOptions[] {
	return events
		.map((value) => ({
			name: catalogue[value].name,
			value,
			description: catalogue[value].description,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** "Only These Statuses" for status-change events. */
export function onlyStatusesField(
	options: INodePropertyOptions[],
	events: readonly string[],
): INodeProperties {
	return {
		displayName: 'Only These Statuses',
		name: 'statuses',
		type: 'multiOptions',
		options,
		default: [],
		displayOptions: { show: { event: [...events] } },
		description: 'Report only changes to these statuses; leave empty for every change',
	};
}

/** The balance threshold of the "below threshold" event. */
export function thresholdField(displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name: 'threshold',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 50,
		displayOptions: { show: { event: ['balanceLow'] } },
		description,
	};
}

/** Whether the first poll reports what already exists. */
export function emitExistingField(what: string): INodeProperties {
	return {
		displayName: 'Emit Existing',
		name: 'emitExisting',
		type: 'boolean',
		default: false,
		description: `Whether the first poll after activation reports what already exists (${what}); by default it only records them and reports later changes`,
	};
}
