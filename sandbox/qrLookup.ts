import type { ActivationLookup } from './qr';
import type { TradeSim } from './trade';

interface EsimLike {
	iccid?: unknown;
	activationCode?: unknown;
	ac?: unknown;
}

/** Activation string of `iccid` among a simulator's `orders[].esims[]`, when it exposes them. */
function fromOrders(sim: unknown, iccid: string): string | undefined {
	const orders = (sim as { orders?: unknown }).orders;
	if (!Array.isArray(orders)) return undefined;
	for (const order of orders as Array<{ esims?: unknown }>) {
		if (!Array.isArray(order?.esims)) continue;
		for (const esim of order.esims as EsimLike[]) {
			if (esim?.iccid !== iccid) continue;
			const code = esim.activationCode ?? esim.ac;
			if (typeof code === 'string') return code;
		}
	}
	return undefined;
}

/** Looks an ICCID up in the eSIMTrade simulator first, then in the other simulators' orders. */
export function qrActivationLookup(trade: TradeSim, ...others: unknown[]): ActivationLookup {
	return (iccid) => {
		const own = trade.findEsim(iccid);
		if (own) return own.unit.ac;
		for (const sim of others) {
			const found = fromOrders(sim, iccid);
			if (found) return found;
		}
		return undefined;
	};
}
