import type { IDataObject } from 'n8n-workflow';

import type { Priced } from './guard';
import { money, priceNumber, toMinor } from './quote';

/** Where providers put what a purchase cost: an order's or top-up's answer, a checkout's summary. */
const CHARGE_FIELDS = ['totalPrice', 'totalSellPrice', 'totalAmount', 'chargedAmount', 'amount'];

/** The total the provider says it charged, in millionths, and its currency; undefined when the answer names none. */
export function chargedIn(
	answer: IDataObject | undefined,
): { minor: number; currency?: string } | undefined {
	if (!answer) return undefined;
	for (const field of CHARGE_FIELDS) {
		const amount = priceNumber(answer[field]);
		if (amount === undefined) continue;
		const currency = answer.currencyCode ?? answer.currency;
		return {
			minor: toMinor(amount, 'down'),
			currency: typeof currency === 'string' ? currency.toUpperCase() : undefined,
		};
	}
	return undefined;
}

/**
 * The fields to add to the output when the provider charged more than the
 * purchase was priced at before it was sent (or charged in another currency):
 * `overcharged` with both amounts, and a `warning` that says what to do. Empty
 * when the charge matches, or when either amount is unknown.
 */
export function overchargeFields(
	provider: string,
	subject: string,
	priced: Priced | undefined,
	answer: IDataObject | undefined,
): IDataObject {
	const charged = chargedIn(answer);
	if (!priced || !charged) return {};
	const currency = charged.currency ?? priced.currency;
	const check = `Check ${subject} in the ${provider} portal and ask ${provider} to refund the difference; until then, keep Max Total or Approved Quote on this node.`;
	if (currency !== priced.currency) {
		return {
			overcharged: {
				priced: money(priced.totalMinor, priced.currency),
				charged: money(charged.minor, currency),
				basis: priced.basis,
			},
			warning: `${provider} reported the charge for ${subject} in ${currency}, but it was priced in ${priced.currency} (${priced.basis}); amounts in different currencies cannot be compared. ${check}`,
		};
	}
	if (charged.minor <= priced.totalMinor) return {};
	const above =
		priced.limitMinor !== undefined && charged.minor > priced.limitMinor
			? `, and above the Max Total of ${money(priced.limitMinor, currency)}`
			: '';
	return {
		overcharged: {
			priced: money(priced.totalMinor, currency),
			charged: money(charged.minor, currency),
			difference: money(charged.minor - priced.totalMinor, currency),
			basis: priced.basis,
		},
		warning: `${provider} charged ${money(charged.minor, currency)} for ${subject}, more than the ${money(priced.totalMinor, currency)} it was priced at before buying (${priced.basis})${above}. ${check}`,
	};
}
