import {
	isForward,
	loadWebhookState,
	MAX_MONEY,
	MAX_ORDERS,
	MAX_REMEMBERED,
	MAX_STATE_BYTES,
	hasEvent,
	rememberDelivery,
	rememberEvent,
	rememberMoney,
	rememberStatus,
	saveWebhookState,
} from '../../nodes/EsimTrade/webhook/dedupe';
import { parseDelivery } from '../../nodes/EsimTrade/webhook/payload';

describe('eSIMTrade Webhook Trigger state', () => {
	it('stays bounded: the oldest deliveries, events and orders are forgotten first', () => {
		const state = loadWebhookState(undefined);
		for (let i = 0; i < MAX_REMEMBERED + 50; i++) {
			rememberDelivery(state, `id:${i}`);
			rememberEvent(state, `statusChanged:B${i}:new>in_use`);
		}
		for (let i = 0; i < MAX_ORDERS + 10; i++) rememberStatus(state, `B${i}`, 'in_use');
		expect(state.orders.get('B9')).toBeUndefined();
		rememberStatus(state, 'B10', 'used_up');
		rememberStatus(state, 'Bnew', 'processing');
		expect(state.deliveries).toHaveLength(MAX_REMEMBERED);
		expect(state.deliveries[0]).toBe('id:50');
		expect(state.events).toHaveLength(MAX_REMEMBERED);
		expect(state.orders.size).toBe(MAX_ORDERS);
		// B10 changed again, so the next oldest (B11) made room for the new order.
		expect(state.orders.get('B10')).toBe('used_up');
		expect(state.orders.get('B11')).toBeUndefined();
		expect(state.orders.get('Bnew')).toBe('processing');
		const staticData = {};
		saveWebhookState(staticData, state);
		const bytes = Buffer.byteLength(JSON.stringify(staticData));
		expect(bytes).toBeLessThan(150_000);
		expect(loadWebhookState(JSON.parse(JSON.stringify(staticData)).webhook)).toEqual(state);
	});

	it('holds its byte bound when every list is full of the longest entries; money entries stay', () => {
		const state = loadWebhookState(undefined);
		const long = (tag: string, i: number) => `${tag}${i}-`.padEnd(100, 'x');
		for (let i = 0; i < MAX_MONEY; i++) rememberMoney(state, long('refundCompleted:', i));
		for (let i = 0; i < MAX_REMEMBERED; i++) {
			rememberDelivery(state, long('id:', i));
			rememberEvent(state, long('statusChanged:', i));
		}
		for (let i = 0; i < MAX_ORDERS; i++) rememberStatus(state, long('B', i), long('s', i));
		// Longer ids are kept as a 65-byte hash, so nothing grows beyond 100 bytes an entry.
		rememberEvent(state, 'x'.repeat(500_000));
		expect(hasEvent(state, 'x'.repeat(500_000))).toBe(true);
		const staticData = {};
		saveWebhookState(staticData, state);
		expect(Buffer.byteLength(JSON.stringify(staticData))).toBeLessThanOrEqual(MAX_STATE_BYTES);
		expect(state.money).toHaveLength(MAX_MONEY);
		expect(hasEvent(state, long('refundCompleted:', 0))).toBe(true);
		const reloaded = loadWebhookState(JSON.parse(JSON.stringify(staticData)).webhook);
		expect(reloaded).toEqual(state);
	});

	it('a status is news only when it moves forward in the order’s life', () => {
		expect(isForward(undefined, 'processing')).toBe(true);
		expect(isForward('processing', 'got_resource')).toBe(true);
		expect(isForward('got_resource', 'in_use')).toBe(true);
		expect(isForward('in_use', 'used_up')).toBe(true);
		expect(isForward('got_resource', 'cancel')).toBe(true);
		expect(isForward('in_use', 'in_use')).toBe(false);
		expect(isForward('in_use', 'got_resource')).toBe(false);
		expect(isForward('got_resource', 'processing')).toBe(false);
		expect(isForward('used_up', 'unused_expired')).toBe(false);
		expect(isForward('cancel', 'got_resource')).toBe(false);
	});

	it('finds order numbers, ICCIDs, statuses, types and ids in common payload shapes', () => {
		expect(
			parseDelivery(
				{
					event: 'order.status.updated',
					data: { order: { order_no: 'B1', status: 'IN_USE', old_status: 'GOT_RESOURCE' } },
				},
				{},
			),
		).toEqual({
			kind: 'statusChanged',
			type: 'order.status.updated',
			orderNo: 'B1',
			status: 'in_use',
			previousStatus: 'got_resource',
		});
		expect(
			parseDelivery(
				{ eventId: 'd-9', eventType: 'ORDER_CREATED', orderNumber: 'B2' },
				{ 'x-esimtrade-delivery': 'forged-by-a-header' },
			),
		).toMatchObject({ kind: 'newOrder', orderNo: 'B2', deliveryId: 'd-9' });
		// The delivery id is never read from (unsigned) headers, nor from a nested record.
		expect(
			parseDelivery({ data: { id: 'row-1', orderNo: 'B2' } }, { 'x-esimtrade-delivery': 'd-9' }),
		).not.toHaveProperty('deliveryId');
		expect(parseDelivery({ type: 'wallet.topup.completed', amount: 50 }, {})).toMatchObject({
			kind: 'topUpCompleted',
		});
		expect(parseDelivery({ type: 'refund.completed', data: { orderNo: 'B3' } }, {})).toMatchObject({
			kind: 'refundCompleted',
			orderNo: 'B3',
		});
		expect(parseDelivery({ esim: { ICCID: '8948010000095399804' } }, {})).toMatchObject({
			kind: 'statusChanged',
			iccid: '8948010000095399804',
		});
		expect(parseDelivery({ iccid: '123' }, {})).toMatchObject({ kind: 'unknown' });
		expect(parseDelivery('not json', {})).toEqual({ kind: 'unknown' });
	});
});
