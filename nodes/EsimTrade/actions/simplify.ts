import type { IDataObject, INodeProperties } from 'n8n-workflow';

/** The Simplify toggle of an operation whose rows carry more fields than a workflow usually needs. */
export function simplifyToggle(show: Record<string, string[]>, kept: string): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		displayOptions: { show },
		description: `Whether to return only ${kept} instead of every field eSIMTrade sends`,
	};
}

/** The listed fields of a row that are set, in the listed order. */
export function pick(row: IDataObject, fields: readonly string[]): IDataObject {
	const out: IDataObject = {};
	for (const field of fields) if (row[field] !== undefined) out[field] = row[field];
	return out;
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
