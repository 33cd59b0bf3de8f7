// What each example decided in a run, read from which of its nodes ran and with how many items: the
// demo prints it under each example, the e2e suite asserts on it.
import { nodeItems, nodeRan } from '../n8n/n8n-cli.mjs';

/** Items on one output of a node (0 when it did not run). */
const count = (result, node, output = 0) => nodeItems(result, node, { output }).length;

/**
 * The Shopify examples' decisions: orders let through as paid and not a test, eSIMs fulfilled, sent to ops
 * (error output or not fulfilled), emailed for the first time, and held back as already emailed.
 */
export function shopifyDecisions(result) {
	return {
		ordersPaid: count(result, 'Paid, not a test'),
		fulfilled: count(result, 'Fulfilled?', 0),
		toOps: count(result, 'Buy eSIM', 1) + count(result, 'Fulfilled?', 1),
		emailed: count(result, 'First delivery?', 0),
		alreadyEmailed: count(result, 'First delivery?', 1),
	};
}

/** The Shopify decisions as one summary line. */
export function shopifyDecisionLine(result) {
	const d = shopifyDecisions(result);
	if (!nodeRan(result, 'Paid, not a test')) return undefined;
	if (d.ordersPaid === 0) return '  decided: the order is not paid (or is a test) → nothing bought';
	return `  decided: paid order → ${d.fulfilled} eSIM(s) fulfilled, ${d.emailed} emailed to the customer, ${d.alreadyEmailed} already emailed before, ${d.toOps} sent to ops`;
}

/** The export example's window and what each provider's side wrote. */
export function exportDecision(result) {
	const settings = nodeItems(result, 'Settings')[0]?.json ?? {};
	return {
		day: settings.day,
		tradeOrders: count(result, 'eSIMTrade orders'),
		distributeRows: nodeItems(result, 'eSIM Distribute export')[0]?.json?.rowCount,
	};
}
