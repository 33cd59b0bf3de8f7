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

/** What the wallet top-up approval example decided, step by step, read from its nodes' output. */
export function topUpDecision(result) {
	const first = (node) => nodeItems(result, node)[0]?.json;
	const settings = first('Settings') ?? {};
	const quote = first('Quote top-up')?.quote;
	return {
		balance: first('Get balance')?.creditBalance,
		threshold: settings.threshold,
		autoApproveLimit: settings.autoApproveLimit,
		quote,
		askedApprover: nodeRan(result, 'Ask for approval') ? settings.approverEmail : undefined,
		approved: first('Approved?') !== undefined,
		topUp: first('Create top-up'),
		receipt: first('Upload transfer proof')?.transferProofUrl,
		status:
			result.data.resultData.runData['Get top-up status']?.at(-1)?.data?.main?.[0]?.[0]?.json
				?.status,
		decision: decisionIn(result),
	};
}

/** The wallet top-up approval's decisions as summary lines. */
export function topUpLines(result) {
	const d = topUpDecision(result);
	const lines = [];
	if (d.balance === undefined) return [`Top-up approval: decided "${d.decision}"`];
	if (!d.quote)
		return [
			`Top-up approval: balance ${d.balance} is not below ${d.threshold} → decided "${d.decision}"`,
		];
	const money = `${d.quote.total} ${d.quote.currency}`;
	lines.push(
		`Top-up approval: balance ${d.balance} ${d.quote.currency} is below ${d.threshold} → quote ${money} (bank transfer, valid until ${d.quote.expiresAt})`,
	);
	lines.push(
		d.askedApprover
			? `  above the ${d.autoApproveLimit} auto-approval limit → Send and Wait email to ${d.askedApprover}; the demo clicked ${d.topUp ? 'Approve' : 'Decline'}`
			: `  within the ${d.autoApproveLimit} auto-approval limit → no approval needed`,
	);
	if (d.topUp)
		lines.push(
			`  top-up ${d.topUp.id} created for exactly the approved quote (${d.topUp.amount} ${d.topUp.currency}, reference ${d.topUp.bankDetails?.reference})`,
		);
	if (d.receipt) lines.push(`  transfer receipt given in the form: ${d.receipt} → uploaded`);
	lines.push(`  eSIM Distribute status "${d.status ?? '-'}" → decided "${d.decision}"`);
	return lines;
}

/** The eSIMTrade data top-up approval's decisions as summary lines. */
export function dataTopUpLines(result) {
	const quotes = nodeItems(result, 'Quote top-up').map((i) => i.json.quote);
	const settings = nodeItems(result, 'Settings')[0]?.json ?? {};
	const asked = nodeRan(result, 'Ask for approval');
	const bought = nodeItems(result, 'Top up data').map((i) => i.json);
	const lines = [];
	for (const q of quotes)
		lines.push(
			`Data top-up approval: eSIM ${q.lines[0].iccid} → ${q.lines[0].planId} quoted ${q.total} ${q.currency}`,
		);
	if (!quotes.length) lines.push('Data top-up approval: no top-up offered');
	if (asked)
		lines.push(
			`  above the ${settings.autoApproveLimit} auto-approval limit → Send and Wait email to ${settings.approverEmail}; the demo clicked ${bought.length ? 'Approve' : 'Decline'}`,
		);
	for (const b of bought)
		lines.push(
			`  topped up ${b.iccid} with ${b.slug} (charged ${b.totalPrice ?? '?'} USD), exactly the quote`,
		);
	lines.push(`  decided "${decisionIn(result)}"`);
	return lines;
}

/** The `decision` of whichever decision node ran last. */
function decisionIn(result) {
	for (const runs of Object.values(result.data.resultData.runData)) {
		const json = runs.at(-1)?.data?.main?.[0]?.[0]?.json;
		if (json && typeof json.decision === 'string') return json.decision;
	}
	return undefined;
}
