import type { TradeContext } from './context';
import { ACTIVE_STATUSES } from './model';
import { fail, ok } from './respond';
import { usdNumber, usdString } from './wallet';

const DAY = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Bucket {
	start: number;
	label: string;
	revenueCents: number;
	profitCents: number;
	orders: number;
}

/** Daily buckets for `7d`/`30d` (label `Apr 17`), monthly for `12m` (label `Apr 2026`), oldest first, UTC. */
function buckets(range: string, now: number): Bucket[] {
	const out: Bucket[] = [];
	const today = new Date(now);
	if (range === '12m') {
		for (let back = 11; back >= 0; back--) {
			const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back, 1);
			const d = new Date(start);
			out.push({
				start,
				label: `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`,
				revenueCents: 0,
				profitCents: 0,
				orders: 0,
			});
		}
		return out;
	}
	const days = range === '7d' ? 7 : 30;
	const midnight = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
	for (let back = days - 1; back >= 0; back--) {
		const start = midnight - back * DAY;
		const d = new Date(start);
		out.push({
			start,
			label: `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`,
			revenueCents: 0,
			profitCents: 0,
			orders: 0,
		});
	}
	return out;
}

/** Index of the last bucket starting at or before `at`. */
function bucketIndex(series: Bucket[], at: number): number {
	let lo = 0;
	let hi = series.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if ((series[mid] as Bucket).start <= at) lo = mid;
		else hi = mid - 1;
	}
	return lo;
}

/** GET /reseller/metrics?range=7d|30d|12m (default 30d), computed from the simulator's state. */
export function getMetrics({ sim, req, now }: TradeContext) {
	const range = req.query.range?.trim() || '30d';
	if (range !== '7d' && range !== '30d' && range !== '12m') return fail(400, 'Invalid range');
	const series = buckets(range, now);
	const from = (series[0] as Bucket).start;
	const countries = new Map<
		string,
		{ locationCode: string; orders: number; revenueCents: number }
	>();
	let totalOrders = 0;
	let activeEsims = 0;
	for (const order of sim.orderList) {
		if (ACTIVE_STATUSES.includes(order.status)) activeEsims += order.esims.length;
		if (order.createdAt < from || order.createdAt > now) continue;
		totalOrders += 1;
		const earns = order.status !== 'cancel' && !order.refunded;
		const revenue = earns ? order.totalCents : 0;
		const bucket = series[bucketIndex(series, order.createdAt)] as Bucket;
		bucket.orders += 1;
		bucket.revenueCents += revenue;
		bucket.profitCents += earns ? revenue - order.plan.costCents * order.quantity : 0;
		const code = order.plan.locationCode;
		const country = countries.get(code) ?? { locationCode: code, orders: 0, revenueCents: 0 };
		country.orders += 1;
		country.revenueCents += revenue;
		countries.set(code, country);
	}
	const sum = (pick: (bucket: Bucket) => number): number =>
		series.reduce((acc, bucket) => acc + pick(bucket), 0);
	const topCountries = [...countries.values()]
		.sort(
			(a, b) =>
				b.revenueCents - a.revenueCents ||
				b.orders - a.orders ||
				a.locationCode.localeCompare(b.locationCode),
		)
		.slice(0, 5)
		.map((c) => ({
			locationCode: c.locationCode,
			orders: c.orders,
			revenue: usdNumber(c.revenueCents),
		}));
	const { purchaseCalls, purchaseSuccesses, syncCalls } = sim.stats;
	const ledger = sim.ledger;
	return ok({
		range,
		metrics: {
			walletBalanceCents: sim.walletCents,
			walletBalanceUsd: usdString(sim.walletCents),
			totalSales: usdNumber(sum((b) => b.revenueCents)),
			totalProfit: usdNumber(sum((b) => b.profitCents)),
			activeEsims,
			totalOrders,
			topCountries,
			revenueSeries: series.map((b) => ({
				label: b.label,
				revenue: usdNumber(b.revenueCents),
				profit: usdNumber(b.profitCents),
				orders: b.orders,
			})),
			apiUsage: {
				purchaseCalls,
				syncCalls,
				walletActions: ledger.length,
				refundEvents: ledger.filter((entry) => entry.type === 'refund').length,
				successRate:
					purchaseCalls === 0
						? 100
						: Math.round((purchaseSuccesses / purchaseCalls) * 10_000) / 100,
			},
		},
	});
}
