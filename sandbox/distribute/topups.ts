import type { SimRequest, SimResponse } from '../types';
import { ApiError, ok } from './envelope';
import { post, toCents } from './ledger';
import {
	PAYMENT_METHODS,
	type State,
	type Tenant,
	type TopupRecord,
	type TopupStatus,
} from './model';
import { amount, httpsUrl, objectBody, oneOf } from './validate';

/** Statuses a top-up never leaves. */
const FINAL: readonly TopupStatus[] = ['paid', 'approved', 'rejected'];

/** A top-up as the API shows it. */
export function topupView(record: TopupRecord): Omit<TopupRecord, 'tenantId'> {
	const { tenantId: _tenantId, ...view } = record;
	return view;
}

/** A top-up by id, or undefined. */
export function findTopup(state: State, id: string): TopupRecord | undefined {
	return state.topups.find((t) => t.id === id);
}

function find(state: State, id: string, tenant?: Tenant): TopupRecord {
	const topup = findTopup(state, id);
	if (!topup || (tenant && topup.tenantId !== tenant.id))
		throw new ApiError('NOT_FOUND', `Top-up ${id} not found`);
	return topup;
}

function optionalUrl(value: unknown, field: string): string | null {
	return value === undefined || value === null || value === '' ? null : httpsUrl(value, field);
}

/** `POST /top-up`: stripe gives a checkout URL, bank transfer gives bank details and waits for proof. */
export function createTopup(state: State, tenant: Tenant, req: SimRequest): SimResponse {
	const body = objectBody(req.body);
	const value = amount(body.amount, 'amount', 10, 10_000);
	const paymentMethod = oneOf(body.paymentMethod, 'paymentMethod', PAYMENT_METHODS);
	const stripe = paymentMethod === 'stripe';
	const successUrl = stripe
		? httpsUrl(body.successUrl, 'successUrl')
		: optionalUrl(body.successUrl, 'successUrl');
	const cancelUrl = stripe
		? httpsUrl(body.cancelUrl, 'cancelUrl')
		: optionalUrl(body.cancelUrl, 'cancelUrl');
	const id = state.uuid();
	const createdAt = state.iso();
	const topup: TopupRecord = {
		id,
		amount: value,
		currency: 'USD',
		paymentMethod,
		status: stripe ? 'pending' : 'awaiting_proof',
		successUrl,
		cancelUrl,
		...(stripe
			? { checkoutUrl: `${req.origin}/stripe/checkout/${id}` }
			: {
					bankDetails: {
						bankName: 'Sandbox Bank Ltd',
						accountName: 'eSIM Distribute Sandbox',
						accountNumber: '012-345678-001',
						reference: `TU-${id.slice(0, 8).toUpperCase()}`,
					},
					transferProofUrl: null,
				}),
		createdAt,
		updatedAt: createdAt,
		tenantId: tenant.id,
	};
	state.topups.unshift(topup);
	return { ...ok(topupView(topup), 'Top-up order created', 201), committed: true };
}

/** `GET /top-up/:orderId`. */
export function getTopup(state: State, tenant: Tenant, id: string): SimResponse {
	return ok(topupView(find(state, id, tenant)), 'Top-up retrieved');
}

function conflict(topup: TopupRecord, action: string): never {
	throw new ApiError(
		'CONFLICT',
		`Top-up ${topup.id} is ${topup.paymentMethod} in status ${topup.status}; cannot ${action}`,
	);
}

function transition(state: State, topup: TopupRecord, status: TopupStatus): TopupRecord {
	topup.status = status;
	topup.updatedAt = state.iso();
	return topup;
}

/** `POST /top-up/:orderId/proof`: bank transfers awaiting proof only. */
export function submitProof(
	state: State,
	tenant: Tenant,
	id: string,
	req: SimRequest,
): SimResponse {
	const topup = find(state, id, tenant);
	const body = objectBody(req.body);
	const url = httpsUrl(body.transferProofUrl, 'transferProofUrl');
	if (topup.paymentMethod !== 'bank_transfer' || topup.status !== 'awaiting_proof')
		conflict(topup, 'submit proof');
	topup.transferProofUrl = url;
	return ok(topupView(transition(state, topup, 'proof_submitted')), 'Transfer proof submitted');
}

function credit(state: State, topup: TopupRecord, status: TopupStatus): TopupRecord {
	const tenant = state.tenants.get(topup.tenantId) as Tenant;
	post(
		state,
		tenant,
		'topup',
		toCents(topup.amount),
		topup.id,
		`Top-up via ${topup.paymentMethod}`,
	);
	return transition(state, topup, status);
}

/** Admin: settle a top-up. `paid` (stripe pending), `approve` (proof submitted), `reject` (any open top-up). */
export function settleTopup(state: State, id: string, action: string): TopupRecord {
	const topup = find(state, id);
	if (action === 'paid') {
		if (topup.paymentMethod !== 'stripe' || topup.status !== 'pending')
			conflict(topup, 'mark paid');
		return credit(state, topup, 'paid');
	}
	if (action === 'approve') {
		if (topup.status !== 'proof_submitted') conflict(topup, 'approve');
		return credit(state, topup, 'approved');
	}
	if (action === 'reject') {
		if (FINAL.includes(topup.status)) conflict(topup, 'reject');
		return transition(state, topup, 'rejected');
	}
	throw new ApiError('NOT_FOUND', `Unknown top-up action ${action}`);
}
