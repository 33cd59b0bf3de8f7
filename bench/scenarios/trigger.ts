import type { INode } from 'n8n-workflow';

import type { OrderStatus, Sandbox } from '../../sandbox';
import { Poller } from '../../test/helpers/poller';
import { TRADE_TRIGGER_TYPE } from '../../test/helpers/trade';
import { allOrdersChain, baselineHarness, runChain } from '../lib/baseline';
import { compiledTradeHarness, newTrigger } from '../lib/ours';
import { fmt, type Section } from '../lib/report';

export const ORDERS = 10_000;
export const OPEN = 100;
const YEAR = 365 * 24 * 3_600_000;
const IDLE_POLLS = 5;
/** Statuses that still change, cycled over the open orders. */
const OPEN_STATUSES: OrderStatus[] = ['processing', 'got_resource', 'in_use'];

const node: INode = {
	id: 'bench',
	name: 'eSIMTrade Trigger',
	type: TRADE_TRIGGER_TYPE,
	typeVersion: 1,
	position: [0, 0],
	parameters: { event: 'statusChanged' },
	credentials: { esimTradeApi: { id: 'cred-trade', name: 'eSIMTrade account' } },
};

/** 10,000 orders, one open order after every 99 closed ones, so open orders are spread over the whole list. */
function seed(sandbox: Sandbox): void {
	sandbox.reset();
	sandbox.trade.configure({ fulfilmentDelayMs: YEAR });
	for (let i = 0; i < OPEN; i++) {
		sandbox.trade.seedOrders(1, { status: OPEN_STATUSES[i % OPEN_STATUSES.length] });
		sandbox.trade.seedOrders(ORDERS / OPEN - 1, { status: 'used_up' });
	}
}

/** Scenario 3: what a poll costs when nothing changed. */
export async function triggerCost(sandbox: Sandbox): Promise<Section> {
	seed(sandbox);
	const requests = () => sandbox.log.count({ provider: 'trade' });
	const poller = new Poller(
		compiledTradeHarness(sandbox.tradeBaseUrl),
		newTrigger(),
		node,
		newTrigger,
	);
	sandbox.log.clear();
	const first = await poller.poll();
	const firstRequests = requests();
	let idleRequests = 0;
	let emitted = first.length;
	for (let i = 0; i < IDLE_POLLS; i++) {
		sandbox.log.clear();
		emitted += (await poller.poll()).length;
		idleRequests = Math.max(idleRequests, requests());
	}
	const state = poller.stateBytes();

	// The baseline: re-read the whole list each poll (HTTP Request paginating, Split Out) and keep every status to compare.
	sandbox.log.clear();
	const { status, outputs } = await runChain(
		baselineHarness(),
		allOrdersChain(sandbox.tradeBaseUrl, 100, true),
	);
	const rows = outputs['Split Out'] ?? [];
	if (status !== 'success' || rows.length !== ORDERS)
		throw new Error(`baseline read ${rows.length} orders (${status})`);
	const scanRequests = requests();
	const scanState = Buffer.byteLength(
		JSON.stringify(
			Object.fromEntries(rows.map((row) => [row.json.providerOrderNo, row.json.status])),
		),
	);

	const scenario = `3. Trigger, ${ORDERS.toLocaleString('en')} orders, ${OPEN} open`;
	return {
		title: scenario,
		rows: [
			{
				scenario,
				metric: 'requests per no-change poll',
				ours: String(idleRequests),
				baseline: 'full re-scan (HTTP Request)',
				theirs: String(scanRequests),
				ratio: idleRequests / scanRequests,
			},
			{
				scenario,
				metric: 'state kept between polls',
				ours: fmt.bytes(state),
				baseline: 'full re-scan: every status',
				theirs: fmt.bytes(scanState),
				ratio: state / scanState,
			},
		],
		notes: [
			`Orders: ${ORDERS.toLocaleString('en')}, of which ${OPEN} are open (${OPEN_STATUSES.join(', ')}) and spread through the list; the rest \`used_up\`. eSIMTrade Trigger, event "Order Status Changed", polled through n8n-core's PollContext with the static data round-tripped through JSON between polls (test/helpers/poller.ts).`,
			`First poll (takes the baseline, emits nothing): ${firstRequests} requests. Then ${IDLE_POLLS} polls with no change: at most ${idleRequests} requests each, ${emitted} items emitted in total, state ${fmt.bytes(state)} of JSON static data.`,
			`Baseline: what a workflow without the trigger has to do to see status changes — re-read the whole list every poll (the HTTP Request pagination from scenario 1: ${scanRequests} requests, measured) and keep each order's last status to compare against (an orderNo → status map of the ${ORDERS.toLocaleString('en')} orders: ${fmt.bytes(scanState)}, computed from its output).`,
		],
	};
}
