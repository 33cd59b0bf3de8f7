import { topupOptions } from './catalog';
import type { TradeContext } from './context';
import { ACTIVE_STATUSES, type TopupOption } from './model';
import { fail, ok, parseQuantity } from './respond';
import { usdNumber, usdString } from './wallet';

function topupOptionView(option: TopupOption): Record<string, unknown> {
	return {
		slug: option.slug,
		packageCode: option.packageCode,
		name: option.name,
		price: usdNumber(option.priceCents),
		volume: option.volume,
		duration: option.duration,
		durationUnit: option.durationUnit,
		currencyCode: 'USD',
	};
}

/** GET /portal/topups?iccid= */
export function listTopupOptions({ sim, req }: TradeContext) {
	const iccid = req.query.iccid?.trim();
	if (!iccid) return fail(400, 'Missing iccid');
	const found = sim.findEsim(iccid);
	if (!found) return fail(404, 'Owned ICCID not found');
	if (!ACTIVE_STATUSES.includes(found.order.status))
		return ok({ data: { error: 'No packageList returned' } });
	return ok({
		data: { packageList: topupOptions(found.order.plan.locationCode).map(topupOptionView) },
	});
}

/** POST /portal/topups {iccid, slug, qty?}: charged to the wallet, no idempotency. */
export function createTopup({ sim, body, now }: TradeContext) {
	const iccid = typeof body.iccid === 'string' ? body.iccid.trim() : '';
	const slug = typeof body.slug === 'string' ? body.slug.trim() : '';
	if (!iccid || !slug) return fail(400, 'Missing iccid or slug');
	const quantity = parseQuantity(body.qty);
	if (quantity === undefined) return fail(400, 'Invalid quantity');
	const found = sim.findEsim(iccid);
	if (!found) return fail(404, 'Owned ICCID not found');
	if (!ACTIVE_STATUSES.includes(found.order.status))
		return fail(400, 'ICCID is not eligible for top-up');
	const option = topupOptions(found.order.plan.locationCode).find((each) => each.slug === slug);
	if (!option) return fail(404, 'Topup package not found');
	if (!sim.purse.canPay(option.priceCents * quantity)) {
		return fail(402, 'Insufficient wallet balance', {
			walletBalanceUsd: usdString(sim.walletCents),
		});
	}
	const record = sim.placeTopup(iccid, option, quantity, now);
	const data = {
		topupNo: record.topupNo,
		iccid,
		slug,
		quantity,
		totalPrice: usdNumber(record.totalCents),
		status: record.status,
		createdAt: new Date(record.createdAt).toISOString(),
	};
	return { ...ok({ data }), committed: true };
}
