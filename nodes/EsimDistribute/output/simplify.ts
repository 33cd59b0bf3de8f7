import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { simplifyToggle } from '../../shared/fields/simplify';
import { customerEmailOf } from '../transport/orders';
import { planIdOf, priceOf } from '../transport/plans';

/** The Output choice (Simplified, Raw, Selected Fields) of an eSIM Distribute operation. */
export function distributeSimplifyToggle(
	show: Record<string, string[]>,
	kept: string,
): INodeProperties[] {
	return simplifyToggle(show, kept, 'eSIM Distribute');
}

/** The few plan fields a workflow usually needs. */
export function simplifyPlan(plan: IDataObject): IDataObject {
	return {
		id: planIdOf(plan),
		name: plan.name,
		countryCode: plan.countryCode,
		country: plan.country,
		dataGb: plan.dataGb,
		validityDays: plan.validityDays,
		price: priceOf(plan),
		currency: plan.currency,
	};
}

/** The few order fields a workflow usually needs. */
export function simplifyOrder(order: IDataObject): IDataObject {
	return {
		id: order.id,
		orderNumber: order.orderNumber,
		status: order.status,
		planId: order.planId,
		planName: order.planName,
		quantity: order.quantity,
		totalAmount: order.totalAmount,
		currency: order.currency,
		customerEmail: customerEmailOf(order),
		createdAt: order.createdAt,
	};
}
