/** Local provider sandbox: eSIMTrade and eSIM Distribute simulators behind one HTTP server. */
export { startSandbox, type DistributeSimulator, type Sandbox, type StartOptions } from './server';
export { DEFAULT_LATENCY_MS, FaultController, defaultFaultSettings } from './faults';
export { RequestLog, redact, type RequestLogFilter } from './requestLog';
export { createRng, type Rng } from './rng';
export {
	TradeSim,
	createTradeSim,
	CATALOG,
	ORDER_STATUSES,
	PROVIDER_STATUS,
	SESSION_COOKIE,
	type LedgerEntry,
	type OrderStatus,
	type Plan,
	type SeedOptions,
	type TradeOptions,
	type TradeOrder,
} from './trade';
export type {
	FaultKind,
	FaultRule,
	FaultSettings,
	ProviderSim,
	RequestLogEntry,
	SimRequest,
	SimResponse,
} from './types';
