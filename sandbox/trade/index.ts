import type { TradeSimOptions } from './model';
import { TradeSim } from './simulator';

export { TradeSim, type SeedOptions, type TradeStats } from './simulator';
export { CATALOG, findPlan, topupOptions } from './catalog';
export { SESSION_COOKIE } from './auth';
export { TRADE_PREFIX } from './routes';
export {
	ACTIVE_STATUSES,
	ORDER_STATUSES,
	PROVIDER_STATUS,
	TRADE_DEFAULTS,
	type EsimUnit,
	type LedgerEntry,
	type OrderStatus,
	type Plan,
	type TopupOption,
	type TopupRecord,
	type TradeOptions,
	type TradeOrder,
	type TradeSimOptions,
} from './model';

export function createTradeSim(opts: TradeSimOptions = {}): TradeSim {
	return new TradeSim(opts);
}
