import type { INodeProperties } from 'n8n-workflow';

/** Status filter for the order and eSIM lists; the provider's list of values is not published, so any text is accepted too. */
export function statusFilter(description: string): INodeProperties {
	return {
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Active (Issued or In Use)', value: 'active' },
			{ name: 'Cancelled', value: 'cancel' },
			{ name: 'Expired (Unused)', value: 'unused_expired' },
			{ name: 'Expired (Used)', value: 'used_expired' },
			{ name: 'In Use', value: 'in_use' },
			{ name: 'Issued', value: 'got_resource' },
			{ name: 'Processing', value: 'processing' },
			{ name: 'Revoked', value: 'revoked' },
			{ name: 'Used Up', value: 'used_up' },
		],
		default: 'active',
		description: `${description}. Choose from the list, or map any status text with an expression.`,
	};
}
