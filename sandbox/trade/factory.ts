import type { Rng } from '../rng';
import { activationCode, IdFactory } from './ids';
import type { EsimUnit, Plan, TradeOrder } from './model';

export interface OrderInput {
	plan: Plan;
	quantity: number;
	days: number | null;
	idempotencyKey: string | null;
}

/** Builds order records and the eSIMs allocated to them, with seeded identifiers. */
export class OrderFactory {
	private readonly ids: IdFactory;

	constructor(rng: Rng) {
		this.ids = new IdFactory(rng);
	}

	order(
		input: OrderInput,
		seq: number,
		at: number,
		dueAt: number,
		source: TradeOrder['source'],
	): TradeOrder {
		return {
			seq,
			orderNo: this.ids.orderNo(at),
			transactionId: this.ids.transactionId(at),
			plan: input.plan,
			quantity: input.quantity,
			days: input.days,
			idempotencyKey: input.idempotencyKey,
			status: 'processing',
			totalCents: input.plan.sellCents * input.quantity,
			paidCents: 0,
			refunded: false,
			orderUsage: 0,
			topupBytes: 0,
			esims: [],
			createdAt: at,
			updatedAt: at,
			dueAt,
			source,
		};
	}

	/** One eSIM per unit of the order; the first keeps the documented `esimTranNo` = order number without `B`. */
	esims(order: TradeOrder): EsimUnit[] {
		const tranBase = order.orderNo.slice(1);
		const units: EsimUnit[] = [];
		for (let i = 0; i < order.quantity; i++) {
			const matchingId = this.ids.matchingId();
			const iccid = this.ids.iccid();
			units.push({
				iccid,
				imsi: this.ids.imsi(iccid),
				matchingId,
				ac: activationCode(matchingId),
				esimTranNo: i === 0 ? tranBase : `${tranBase}-${i + 1}`,
				smdpStatus: 'RELEASED',
			});
		}
		return units;
	}

	topupNo(at: number): string {
		return this.ids.topupNo(at);
	}
}
