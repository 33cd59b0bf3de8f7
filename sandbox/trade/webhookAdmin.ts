import type { SimResponse } from '../types';
import { fail, ok } from './respond';
import type { TradeSim } from './simulator';
import { statusChangedEvent } from './webhookEvents';
import type { DeliveryRecord, WebhookConfig } from './webhooks';

const CONFIG_KEYS = [
	'secret',
	'signatureHeader',
	'signatureFormat',
	'duplicateRate',
	'disorderRate',
	'disorderDelayMs',
	'maxAttempts',
	'retryDelayMs',
	'timeoutMs',
];

function isHttpUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

function summary(sim: TradeSim): Record<string, unknown> {
	const { secret, ...config } = sim.webhooks.config;
	const byState: Record<string, number> = {};
	for (const record of sim.webhooks.records)
		byState[record.state] = (byState[record.state] ?? 0) + 1;
	return {
		url: sim.webhookUrl,
		signed: secret !== null,
		config,
		pending: sim.webhooks.pending,
		deliveries: sim.webhooks.records.length,
		byState,
	};
}

const view = (record: DeliveryRecord) => ({ ...record, body: JSON.parse(record.body) as unknown });

const count = (value: unknown, fallback: number): number => {
	const n = value === undefined ? fallback : value;
	if (!Number.isInteger(n) || (n as number) < 0 || (n as number) > 10_000)
		throw new Error('count must be an integer 0..10000');
	return n as number;
};

/**
 * `/__admin/trade/webhooks...`: the URL and delivery settings (what the portal
 * sets at the real service), the delivery log, and deliveries made on purpose:
 * replays of delivered ones, forged ones, and any custom body.
 */
export function handleWebhookAdmin(
	sim: TradeSim,
	method: string,
	path: string,
	body: Record<string, unknown>,
): SimResponse {
	switch (`${method} ${path}`) {
		case 'GET webhooks':
			return ok(summary(sim));
		case 'POST webhooks': {
			if (body.url !== undefined) {
				if (typeof body.url !== 'string' || (body.url !== '' && !isHttpUrl(body.url)))
					return fail(400, 'Invalid url');
				sim.webhookUrl = body.url === '' ? null : body.url;
			}
			const changes = Object.fromEntries(
				Object.entries(body).filter(([key]) => CONFIG_KEYS.includes(key)),
			) as Partial<WebhookConfig>;
			sim.webhooks.configure(changes);
			return ok(summary(sim));
		}
		case 'GET webhooks/deliveries':
			return ok({
				count: sim.webhooks.records.length,
				pending: sim.webhooks.pending,
				deliveries: sim.webhooks.records.map(view),
			});
		case 'POST webhooks/replay':
			return ok({ replayed: sim.webhooks.replay(count(body.count, 1)) });
		case 'POST webhooks/forge': {
			const orders = sim.orders;
			if (!orders.length) return fail(400, 'No order to forge a delivery for');
			const n = count(body.count, 1);
			const forged = Array.from({ length: n }, (_, i) => {
				const order = orders[i % orders.length]!;
				// Claims a status change that did not happen.
				const event = statusChangedEvent({ ...order, status: 'revoked' }, order.status);
				return sim.webhooks.forge(event, body.unsigned === true).id;
			});
			return ok({ forged });
		}
		case 'POST webhooks/send': {
			const payload = body.body;
			if (!payload || typeof payload !== 'object' || Array.isArray(payload))
				return fail(400, 'body must be a JSON object');
			const type = typeof body.type === 'string' ? body.type : 'custom';
			return ok({ id: sim.webhooks.custom(type, payload as Record<string, unknown>).id });
		}
		default:
			return fail(404, 'Not found');
	}
}
