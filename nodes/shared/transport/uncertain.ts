import type { Explained } from './errors';
import type { Provider } from './types';

/**
 * Refusals that, on a first attempt, mean nothing was charged, but after an
 * earlier attempt that may have gone through can be the provider's answer to
 * that very purchase (409 duplicate, 402 balance now spent, 400 already used).
 */
export const REFUSALS_AFTER_CHARGE = [400, 402, 409];

/**
 * What a refusal says when an earlier attempt of the same purchase may have
 * been carried out: the outcome is unknown, and it must not be bought again
 * before someone has checked.
 */
export function explainAfterUncertain(
	provider: Provider,
	status: number,
	attempts: number,
	ambiguity?: string,
): Explained {
	return {
		message: `Outcome unknown: ${provider.label} refused a repeat of the purchase (HTTP ${status}) after an earlier attempt may have gone through (tried ${attempts} times)`,
		description:
			ambiguity ??
			`The first attempt got no clear answer, so it may have been carried out and charged; the refusal of the repeat does not prove otherwise. Check the orders and the wallet in the ${provider.label} portal before buying again, and do not run this item again with a new idempotency key until you have.`,
	};
}
