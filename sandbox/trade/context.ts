import type { SimRequest, SimResponse } from '../types';
import type { TradeAuth } from './auth';
import type { TradeSim } from './simulator';

/** What a route handler gets: the simulator, the request, who is calling and the parsed body. */
export interface TradeContext {
	sim: TradeSim;
	req: SimRequest;
	auth: TradeAuth;
	/** The JSON object body of write requests; `{}` for reads. */
	body: Record<string, unknown>;
	now: number;
}

export type TradeHandler = (ctx: TradeContext) => SimResponse;
