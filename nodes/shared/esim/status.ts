/**
 * Where an order or eSIM stands, whatever spelling the provider used.
 * `unknown` is a status this package does not know: it is never taken for
 * fulfilled (nor for failed), so nothing is handed out on a guess.
 */
export type FulfilmentState = 'pending' | 'fulfilled' | 'failed' | 'unknown';

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
/** Statuses after which the eSIM exists: issued, in use, used up or expired. */
const FULFILLED = new Set([
	'completed',
	'complete',
	'fulfilled',
	'success',
	'succeeded',
	'got_resource',
	'released',
	'issued',
	'delivered',
	'active',
	'in_use',
	'used_up',
	'expired',
	'unused_expired',
	'used_expired',
]);

/**
 * Lowercase and uppercase spellings are both accepted (`got_resource`,
 * `CANCEL`, `in-use`). A missing status is pending; any status that is in
 * none of the lists is `unknown`.
 */
export function classifyStatus(status: unknown): FulfilmentState {
	const value = String(status ?? '')
		.trim()
		.toLowerCase()
		.replace(/[\s-]+/g, '_');
	if (!value || PENDING.has(value)) return 'pending';
	if (FAILED.has(value)) return 'failed';
	if (FULFILLED.has(value)) return 'fulfilled';
	return 'unknown';
}

/** What an eSIM needs before it may be handed to a customer. */
export interface IssuedParts {
	iccid?: string;
	activationCode?: string;
	qrCodeUrl?: string;
}

/**
 * Whether every eSIM (at least one) has its ICCID and its activation code. The
 * provider's QR image stands in for the code where that is all the provider
 * sends (a documented sync answer may have `qrCodeUrl` and no code): the
 * image is the activation code, drawn as a QR code.
 */
export const allIssued = (esims: IssuedParts[]): boolean =>
	esims.length > 0 &&
	esims.every((esim) => Boolean(esim.iccid && (esim.activationCode || esim.qrCodeUrl)));

/**
 * The fulfilment of an order from its status and its eSIMs: `fulfilled` only
 * when the status says so and every eSIM has its ICCID and activation code; a
 * fulfilled status without them is still `pending`.
 */
export function fulfilmentOf(status: unknown, esims: IssuedParts[]): FulfilmentState {
	const state = classifyStatus(status);
	return state === 'fulfilled' && !allIssued(esims) ? 'pending' : state;
}

/** Why an order is not fulfilled, in words for the output item; undefined when it is, or failed. */
export function fulfilmentNote(
	state: FulfilmentState | 'timedOut',
	status: unknown,
	provider: string,
): string | undefined {
	const shown = JSON.stringify(String(status ?? '').slice(0, 60));
	if (state === 'unknown')
		return `${provider} reports the status ${shown}, which this node does not know, so the order is not treated as fulfilled and no activation details are given out. Check the order in the ${provider} portal before you hand anything to the customer.`;
	if ((state === 'pending' || state === 'timedOut') && classifyStatus(status) === 'fulfilled')
		return `${provider} reports the status ${shown} but has not sent the ICCID and activation code (or QR code) of every eSIM yet, so the order is not treated as fulfilled. Check it again later.`;
	return undefined;
}
