import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { simplifyToggle } from '../../shared/fields/simplify';
import { planPrice } from '../transport/plans';

/** The Output choice (Simplified, Raw, Selected Fields) of an eSIMTrade operation. */
export function tradeSimplifyToggle(
	show: Record<string, string[]>,
	kept: string,
): INodeProperties[] {
	return simplifyToggle(show, kept, 'eSIMTrade');
}

/** The few plan fields a workflow usually needs. */
export function simplifyPlan(plan: IDataObject): IDataObject {
	const pricing = (plan.pricing ?? {}) as IDataObject;
	return {
		slug: plan.slug,
		name: plan.name,
		locationCode: plan.locationCode,
		price: planPrice(plan),
		currencyCode: plan.currencyCode,
		volume: plan.volume,
		duration: plan.duration,
		durationUnit: plan.durationUnit,
		costPrice: pricing.costPrice ?? plan.supplierPrice,
		margin: pricing.margin,
	};
}

/** An order list row: number, status, plan, quantity, total and dates. */
export const ORDER_ROW_FIELDS = [
	'providerOrderNo',
	'status',
	'slug',
	'packageName',
	'locationCode',
	'quantity',
	'totalSellPrice',
	'createdAt',
	'updatedAt',
] as const;

/** An eSIM inventory row: ICCID, order, status, plan and what is needed to install it. */
export const ESIM_ROW_FIELDS = [
	'iccid',
	'providerOrderNo',
	'status',
	'smdpStatus',
	'slug',
	'packageName',
	'locationCode',
	'activationCode',
	'iosInstallUrl',
	'androidInstallUrl',
	'qrCodeUrl',
] as const;

/** An order or eSIM status item: where it stands, its activation details and its data. */
export const STATUS_FIELDS = [
	'orderNo',
	'status',
	'fulfilment',
	'fulfilmentNote',
	'esimIndex',
	'esimCount',
	'iccid',
	'esimStatus',
	'smdpStatus',
	'activationCode',
	'iosInstallUrl',
	'androidInstallUrl',
	'qrCodeUrl',
	'totalVolume',
	'orderUsage',
	'totalDuration',
	'durationUnit',
] as const;

/** Account metrics without the per-day or per-month revenue series and the balance in cents. */
export const METRICS_FIELDS = [
	'range',
	'walletBalanceUsd',
	'totalSales',
	'totalProfit',
	'totalOrders',
	'activeEsims',
	'topCountries',
	'apiUsage',
] as const;
