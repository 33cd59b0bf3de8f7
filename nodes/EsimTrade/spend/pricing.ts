import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { unpriced, type Balance, type Unpriced } from '../../shared/spend/guard';
import { MINOR_PER_UNIT, toMinor, type Quote } from '../../shared/spend/quote';
import { tradeClient } from '../transport/client';
import { currencyOf, planPrice, rowWithSlug } from '../transport/plans';

/** A catalog or top-up row's price in millionths (see planPrice). */
function unitMinor(row: IDataObject): number | undefined {
	const price = planPrice(row);
	return price === undefined ? undefined : toMinor(price);
}

/** Plans sold per day (e.g. `PK_0.5_Daily`): Max Total counts their price once per day, the most the order can cost. */
const isDaily = (plan: IDataObject) =>
	/daily$/i.test(String(plan.slug ?? '')) || /\/\s*day\b|per day/i.test(String(plan.name ?? ''));

/** Prices an order from `GET /portal/plans?slug=`. */
export async function priceOrder(
	ctx: IExecuteFunctions,
	i: number,
	slug: string,
	qty: number,
	days?: number,
): Promise<Quote | Unpriced> {
	const plan = rowWithSlug(await tradeClient(ctx, i).plan(slug, { allowStatus: [404] }), slug);
	if (!plan) return unpriced(`eSIMTrade does not list the plan "${slug}"`);
	const unit = unitMinor(plan);
	if (unit === undefined)
		return unpriced(`eSIMTrade lists the plan "${slug}" without a readable price`);
	const periods = days !== undefined && isDaily(plan) ? days : 1;
	return {
		subject: 'this order',
		currency: currencyOf(plan),
		lines: [
			{
				plan: slug,
				name: plan.name as string | undefined,
				quantity: qty,
				unitMinor: unit,
				periods,
				ref: days === undefined ? { planId: slug } : { planId: slug, days },
			},
		],
	};
}

/** Prices a top-up from the options `GET /portal/topups?iccid=` offers for the eSIM. */
export async function priceTopUp(
	ctx: IExecuteFunctions,
	i: number,
	iccid: string,
	slug: string,
	qty: number,
): Promise<Quote | Unpriced> {
	const offer = await tradeClient(ctx, i).topUpOptions(iccid);
	if (offer.refused) {
		return unpriced(
			`eSIMTrade offers no top-up for the eSIM ${iccid} now (it answered "${offer.said}")`,
		);
	}
	const option = rowWithSlug(offer.options, slug);
	if (!option)
		return unpriced(
			`the top-up "${slug}" is not among the options eSIMTrade offers for the eSIM ${iccid}`,
		);
	const unit = unitMinor(option);
	if (unit === undefined)
		return unpriced(`eSIMTrade lists the top-up "${slug}" without a readable price`);
	return {
		subject: 'this top-up',
		currency: currencyOf(option),
		lines: [
			{
				plan: slug,
				name: option.name as string | undefined,
				quantity: qty,
				unitMinor: unit,
				ref: { planId: slug, iccid },
			},
		],
	};
}

/** The wallet balance from `GET /portal/balance` (see walletOf); the wallet is in USD. */
export async function walletBalance(
	ctx: IExecuteFunctions,
	i: number,
): Promise<Balance | Unpriced> {
	const { cents, usd } = await tradeClient(ctx, i).balance();
	if (cents !== undefined) return { minor: cents * (MINOR_PER_UNIT / 100), currency: 'USD' };
	if (usd === undefined)
		return unpriced('eSIMTrade answered the balance request without a readable balance');
	return { minor: toMinor(usd, 'down'), currency: 'USD' };
}
