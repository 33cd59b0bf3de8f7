// Workflows for queue mode. In queue mode only main receives triggers and a worker runs what they start, so
// the examples are started by a production webhook instead of the Manual Trigger (which `n8n execute` runs
// in its own process, not on a worker). Plus the small workflows the queue suite and the bench use.
import { createHash } from 'node:crypto';
import { CREDENTIAL_REFS, manualTriggerName } from '../demo/examples.mjs';

/** A stable uuid-shaped webhook id from a text. */
export function uuidFrom(text) {
	const h = createHash('sha256').update(text).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A Webhook node (POST `path`) that answers with every item of the last node once the run is over. */
export function webhookNode(name, path, position = [0, 0]) {
	return {
		id: uuidFrom(`node:${path}`),
		name,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position,
		webhookId: uuidFrom(`webhook:${path}`),
		parameters: {
			httpMethod: 'POST',
			path,
			responseMode: 'lastNode',
			responseData: 'allEntries',
			options: {},
		},
	};
}

/** The path of a workflow's enabled Webhook node (undefined when it has none). */
export function webhookPathOf(workflow) {
	return workflow.nodes.find((n) => n.type === 'n8n-nodes-base.webhook' && !n.disabled)?.parameters
		.path;
}

/** The webhook path the queue demo gives an example. */
export const demoPath = (workflow) => `esim-demo-${workflow.id.toLowerCase()}`;

/**
 * A copy of an example whose Manual Trigger is replaced by a production webhook (same node name, so the
 * connections stay) and whose other triggers are disabled. Workflows without a Manual Trigger come back unchanged.
 */
export function webhookStarted(workflow, path = demoPath(workflow)) {
	const manual = manualTriggerName(workflow);
	if (!manual) return structuredClone(workflow);
	const copy = structuredClone(workflow);
	copy.nodes = copy.nodes.map((node) => {
		if (node.name === manual) return webhookNode(node.name, path, node.position);
		if (/Trigger$/.test(node.type) || node.type === 'n8n-nodes-base.scheduleTrigger')
			return { ...node, disabled: true };
		return node;
	});
	return copy;
}

export const code = (name, jsCode, position) => ({
	id: uuidFrom(`code:${name}`),
	name,
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	position,
	parameters: { jsCode },
});

/**
 * The Shopify example started by Shopify's `orders/create` webhook: Webhook → the order from the request body →
 * the example's own nodes from "eSIM line items" on. The answer lists every eSIM bought for that order.
 */
export function shopifyWebhookWorkflow(
	shopifyExample,
	{ id = 'esimQueueShopify', path = 'shopify-orders-create' } = {},
) {
	// The Shopify example up to its purchase: the webhook answers with Buy eSIM's output, every eSIM the delivery
	// bought or replayed. The example's routing after it (Fulfilled?, First delivery?, the emails) would make the
	// answer only one branch's items; the customer email itself is proven by the examples' end-to-end suite.
	const names = ['eSIM line items', 'Buy eSIM'];
	const keep = names.map((name) => {
		const node = shopifyExample.nodes.find((n) => n.name === name);
		if (!node) throw new Error(`the Shopify example has no node "${name}"`);
		return node;
	});
	const kept = (name) => keep.some((n) => n.name === name);
	const connections = Object.fromEntries(
		Object.entries(shopifyExample.connections)
			.filter(([from]) => kept(from))
			.map(([from, outputs]) => [
				from,
				{ main: outputs.main.map((targets) => targets.filter((t) => kept(t.node))) },
			]),
	);
	return {
		id,
		name: 'Shopify orders/create webhook → eSIM (queue mode)',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			webhookNode('Shopify webhook', path, [-440, 300]),
			code(
				'Order from body',
				'return $input.all().map((item) => ({ json: item.json.body }));',
				[-220, 300],
			),
			...keep,
		],
		connections: {
			...connections,
			'Shopify webhook': { main: [[{ node: 'Order from body', type: 'main', index: 0 }]] },
			'Order from body': { main: [[{ node: 'eSIM line items', type: 'main', index: 0 }]] },
		},
	};
}

const tradeCred = { esimTradeApi: CREDENTIAL_REFS.esimTradeApi };
const distributeCred = { esimDistributeApi: CREDENTIAL_REFS.esimDistributeApi };

/**
 * Webhook → eSIMTrade Order: Create (plan, quantity and idempotency key from the body; waits for fulfilment,
 * QR PNG in `qrCode`) → Extract From File (the PNG as base64, binary kept) → Code (checks the PNG signature
 * and reports the binary's id). Runs on a worker; main serves the PNG from the id afterwards.
 */
export function qrHopWorkflow({ id = 'esimQueueQrHop01', path = 'esim-qr-hop' } = {}) {
	const buy = {
		id: uuidFrom('node:qr-buy'),
		name: 'Buy eSIM',
		type: 'n8n-nodes-esim.esimTrade',
		typeVersion: 1,
		position: [220, 0],
		parameters: {
			resource: 'order',
			operation: 'create',
			plan: { __rl: true, mode: 'id', value: '={{ $json.body.plan }}' },
			quantity: '={{ $json.body.quantity }}',
			idempotencyKey: '={{ $json.body.key }}',
			waitForFulfilment: true,
			options: { binaryProperty: 'qrCode', qrImage: 'render', waitTimeout: 120 },
		},
		credentials: tradeCred,
	};
	const extract = {
		id: uuidFrom('node:qr-extract'),
		name: 'QR to base64',
		type: 'n8n-nodes-base.extractFromFile',
		typeVersion: 1,
		position: [440, 0],
		parameters: {
			operation: 'binaryToPropery',
			binaryPropertyName: 'qrCode',
			destinationKey: 'qrB64',
			options: { keepSource: 'both' },
		},
	};
	const check = code(
		'Check PNG',
		"return $input.all().map((i) => ({ json: { iccid: i.json.iccid, orderNo: i.json.orderNo, isPng: String(i.json.qrB64 || '').startsWith('iVBORw0KGgo'), pngBytes: Buffer.from(String(i.json.qrB64 || ''), 'base64').length, binaryId: i.binary?.qrCode?.id, mimeType: i.binary?.qrCode?.mimeType } }));",
		[660, 0],
	);
	return {
		id,
		name: 'QR code across processes (queue mode)',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [webhookNode('Webhook', path), buy, extract, check],
		connections: {
			Webhook: { main: [[{ node: 'Buy eSIM', type: 'main', index: 0 }]] },
			'Buy eSIM': { main: [[{ node: 'QR to base64', type: 'main', index: 0 }]] },
			'QR to base64': { main: [[{ node: 'Check PNG', type: 'main', index: 0 }]] },
		},
	};
}

/**
 * The QR workflow started from the editor (a Manual Trigger, fixed plan and key): a manual execution, which
 * n8n 2.x runs on main unless OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS=true (n8n 3.0: always on a worker).
 */
export function manualQrWorkflow({ id = 'esimQueueManual1', key = 'queue-manual-1' } = {}) {
	const wf = qrHopWorkflow({ id, path: 'esim-qr-manual' });
	const buy = wf.nodes.find((n) => n.name === 'Buy eSIM');
	Object.assign(buy.parameters, {
		plan: { __rl: true, mode: 'id', value: 'JP_5_30' },
		quantity: 1,
		idempotencyKey: key,
	});
	const start = {
		id: uuidFrom('node:manual-start'),
		name: 'Start',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const { Webhook: fromStart, ...rest } = wf.connections;
	return {
		...wf,
		name: 'QR code, run from the editor (queue mode)',
		nodes: [start, ...wf.nodes.slice(1)],
		connections: { Start: fromStart, ...rest },
	};
}

/**
 * Webhook → one item per entry of `body.purchases` ({ plan, key }) → eSIMTrade Order: Create for each, not
 * waiting for fulfilment (the queue bench's batch of purchases).
 */
export function tradeBatchWorkflow({ id = 'esimQueueTradeBy', path = 'esim-trade-batch' } = {}) {
	const wf = qrHopWorkflow({ id, path });
	/** @type {{ parameters: Record<string, unknown> }} */
	const buy = wf.nodes.find((n) => n.name === 'Buy eSIM');
	buy.parameters = {
		...buy.parameters,
		plan: { __rl: true, mode: 'id', value: '={{ $json.plan }}' },
		quantity: 1,
		idempotencyKey: '={{ $json.key }}',
		waitForFulfilment: false,
		options: {},
	};
	return {
		...wf,
		name: 'eSIMTrade purchases in a batch (queue mode)',
		nodes: [
			wf.nodes[0],
			code(
				'Purchases',
				'return $input.first().json.body.purchases.map((p) => ({ json: p }));',
				[110, 0],
			),
			buy,
		],
		connections: {
			Webhook: { main: [[{ node: 'Purchases', type: 'main', index: 0 }]] },
			Purchases: { main: [[{ node: 'Buy eSIM', type: 'main', index: 0 }]] },
		},
	};
}

/** Webhook → eSIM Distribute Balance: Get → Plan: Get Many (two signed-in calls per run). */
export function distributeWorkflow({
	id = 'esimQueueDistBal',
	path = 'esim-distribute-balance',
} = {}) {
	const node = (name, parameters, position) => ({
		id: uuidFrom(`node:${name}`),
		name,
		type: 'n8n-nodes-esim.esimDistribute',
		typeVersion: 1,
		position,
		parameters,
		credentials: distributeCred,
	});
	return {
		id,
		name: 'eSIM Distribute balance (queue mode)',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			webhookNode('Webhook', path),
			node('Get balance', { resource: 'balance', operation: 'get' }, [220, 0]),
			node('Get profile', { resource: 'account', operation: 'getProfile' }, [440, 0]),
		],
		connections: {
			Webhook: { main: [[{ node: 'Get balance', type: 'main', index: 0 }]] },
			'Get balance': { main: [[{ node: 'Get profile', type: 'main', index: 0 }]] },
		},
	};
}

/** Webhook → eSIM Distribute Order: Checkout (plan, quantity and email from the body). */
export function distributeCheckoutWorkflow({
	id = 'esimQueueDistBuy',
	path = 'esim-distribute-checkout',
} = {}) {
	const wf = distributeWorkflow({ id, path });
	const checkout = {
		...wf.nodes[1],
		id: uuidFrom('node:dist-checkout'),
		name: 'Checkout',
		parameters: {
			resource: 'order',
			operation: 'checkout',
			itemsInput: 'json',
			itemsJson: '={{ JSON.stringify($json.body.items) }}',
			email: '={{ $json.body.email }}',
			customerName: '={{ $json.body.customerName ?? "Queue Customer" }}',
			// The suite counts orders; the eSIMs are read afterwards.
			waitForFulfilment: false,
			// A re-sent webhook (after n8n lost the execution) finds the order instead of buying again.
			options: { repeatWindow: 60 },
		},
	};
	return {
		...wf,
		name: 'eSIM Distribute checkout (queue mode)',
		nodes: [wf.nodes[0], checkout],
		connections: { Webhook: { main: [[{ node: 'Checkout', type: 'main', index: 0 }]] } },
	};
}

/** The order-status alerts example, polling every minute. */
export function triggerWorkflow(alertsExample, { id = 'esimQueueTrigDef' } = {}) {
	const copy = structuredClone(alertsExample);
	copy.id = id;
	copy.name = 'eSIMTrade status changes (queue mode)';
	copy.nodes.find((n) => n.type.endsWith('.esimTradeTrigger')).parameters.pollTimes = {
		item: [{ mode: 'everyMinute' }],
	};
	copy.active = false;
	return copy;
}
