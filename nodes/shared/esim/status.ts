/** Where an order or eSIM stands, whatever spelling the provider used. */
export type FulfilmentState = 'pending' | 'fulfilled' | 'failed';

const PENDING = new Set([
	'processing',
	'pending',
	'create',
	'created',
	'paying',
	'paid',
	'getting_resource',
	'in_progress',
	'ordering',
]);
const FAILED = new Set([
	'cancel',
	'canceled',
	'cancelled',
	'revoked',
	'failed',
	'failure',
	'error',
	'refunded',
	'rejected',
]);

/**
 * Lowercase and uppercase spellings are both accepted (`got_resource`,
 * `CANCEL`). Any status that is neither pending nor failed counts as fulfilled
 * once the eSIM exists (`completed`, `got_resource`, `in_use`, `active`,
 * `used_up`, expired…).
 */
export function classifyStatus(status: unknown): FulfilmentState {
	const value = String(status ?? '')
		.trim()
		.toLowerCase()
		.replace(/[\s-]+/g, '_');
	if (!value || PENDING.has(value)) return 'pending';
	if (FAILED.has(value)) return 'failed';
	return 'fulfilled';
}
