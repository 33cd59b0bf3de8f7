import { PROVIDER_STATUS, type EsimUnit, type Plan, type TradeOrder } from './model';
import { usdNumber } from './wallet';

/** JSON shapes of the eSIMTrade responses, built from the simulator's records. */

export function qrCodeUrl(origin: string, iccid: string): string {
	return `${origin}/qr/${iccid}.png`;
}

export function shortUrl(origin: string, iccid: string): string {
	return `${origin}/qr/${iccid}`;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** The documented single-plan shape, with reseller pricing. */
export function planView(plan: Plan): Record<string, unknown> {
	const cost = usdNumber(plan.costCents);
	const sell = usdNumber(plan.sellCents);
	const margin = usdNumber(plan.sellCents - plan.costCents);
	return {
		packageCode: plan.packageCode,
		slug: plan.slug,
		name: plan.name,
		price: sell,
		currencyCode: 'USD',
		volume: plan.volume,
		duration: plan.duration,
		durationUnit: plan.durationUnit,
		locationCode: plan.locationCode,
		supplierPrice: cost,
		pricing: {
			costPrice: cost,
			sellPrice: sell,
			margin,
			marginPct: plan.costCents > 0 ? round2((margin / cost) * 100) : 0,
			ruleScope: 'global',
			ruleType: 'percent',
		},
	};
}

/** Success body of `POST /portal/order` (undocumented upstream; the sandbox's choice). */
export function orderCreatedView(order: TradeOrder): Record<string, unknown> {
	return {
		orderNo: order.orderNo,
		status: order.status,
		slug: order.plan.slug,
		packageCode: order.plan.packageCode,
		packageName: order.plan.name,
		quantity: order.quantity,
		totalPrice: usdNumber(order.totalCents),
		currencyCode: 'USD',
		idempotencyKey: order.idempotencyKey,
		createdAt: new Date(order.createdAt).toISOString(),
	};
}

const usdText = (cents: number): string => String(usdNumber(cents));

/** A row of `GET /reseller/orders`: the documented fields plus `createdAt`/`updatedAt`. */
export function orderRow(order: TradeOrder): Record<string, unknown> {
	const plan = order.plan;
	return {
		providerOrderNo: order.orderNo,
		slug: plan.slug,
		packageCode: plan.packageCode,
		packageName: plan.name,
		locationCode: plan.locationCode,
		status: order.status,
		quantity: order.quantity,
		costPrice: usdText(plan.costCents),
		sellPrice: usdText(plan.sellCents),
		totalSellPrice: usdText(order.totalCents),
		createdAt: new Date(order.createdAt).toISOString(),
		updatedAt: new Date(order.updatedAt).toISOString(),
	};
}

/** A row of `GET /reseller/esims`: one per eSIM. */
export function esimRow(
	order: TradeOrder,
	unit: EsimUnit,
	origin: string,
): Record<string, unknown> {
	const plan = order.plan;
	return {
		providerOrderNo: order.orderNo,
		slug: plan.slug,
		packageCode: plan.packageCode,
		packageName: plan.name,
		locationCode: plan.locationCode,
		status: order.status,
		quantity: order.quantity,
		rawOrderJson: {
			iccid: unit.iccid,
			qrCodeUrl: qrCodeUrl(origin, unit.iccid),
			smdpStatus: unit.smdpStatus,
			ac: unit.ac,
			esimTranNo: unit.esimTranNo,
		},
	};
}

/** Per-eSIM fields of the sync route; empty strings while the order has no resources. */
function esimFields(
	order: TradeOrder,
	unit: EsimUnit | undefined,
	origin: string,
): Record<string, unknown> {
	return {
		esimTranNo: unit?.esimTranNo ?? '',
		iccid: unit?.iccid ?? '',
		imsi: unit?.imsi ?? '',
		ac: unit?.ac ?? '',
		qrCodeUrl: unit ? qrCodeUrl(origin, unit.iccid) : '',
		shortUrl: unit ? shortUrl(origin, unit.iccid) : '',
		smdpStatus: unit?.smdpStatus ?? '',
		esimStatus: PROVIDER_STATUS[order.status],
	};
}

/** Body `data` of `GET /portal/orders`: the documented fields for `unit` (default the first eSIM). */
export function syncView(
	order: TradeOrder,
	unit: EsimUnit | undefined,
	origin: string,
): Record<string, unknown> {
	const plan = order.plan;
	const shown = unit ?? order.esims[0];
	const fields = esimFields(order, shown, origin);
	const view: Record<string, unknown> = {
		esimTranNo: fields.esimTranNo,
		orderNo: order.orderNo,
		transactionId: order.transactionId,
		imsi: fields.imsi,
		iccid: fields.iccid,
		qrCodeUrl: fields.qrCodeUrl,
		shortUrl: fields.shortUrl,
		smdpStatus: fields.smdpStatus,
		totalVolume: plan.volumeBytes + order.topupBytes,
		totalDuration: plan.daily ? (order.days ?? 1) : plan.duration,
		durationUnit: plan.durationUnit,
		orderUsage: order.orderUsage,
		esimStatus: fields.esimStatus,
		packageList: [{ packageName: plan.name, packageCode: plan.packageCode, slug: plan.slug }],
		ac: fields.ac,
		status: order.status,
	};
	if (order.quantity > 1)
		view.esimList = order.esims.map((each) => esimFields(order, each, origin));
	return view;
}
