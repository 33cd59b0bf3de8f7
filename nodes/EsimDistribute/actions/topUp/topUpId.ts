import type { INodeProperties } from 'n8n-workflow';

/** The top-up order ID field of an operation. */
export function topUpIdField(operation: string): INodeProperties {
	return {
		displayName: 'Top-Up ID',
		name: 'topUpId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 3c9e1f2a-5b7d-4e8f-a1b2-c3d4e5f6a7b8',
		displayOptions: { show: { resource: ['topUp'], operation: [operation] } },
		description: 'The ID returned by Top-Up → Create',
	};
}
