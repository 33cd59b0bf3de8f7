// Turns the run data of the example workflows into the demo's short human summary.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { emailLines } from './emails.mjs';
import { dataTopUpLines, exportDecision, shopifyDecisionLine, topUpLines } from './decisions.mjs';
import { nodeItems } from '../n8n/n8n-cli.mjs';
import { EXAMPLE_IDS } from './examples.mjs';

/** Rows of a CSV text (lines after the header, ignoring a trailing newline). */
export function csvRowCount(text) {
	const lines = text.split(/\r?\n/).filter((line) => line.length > 0);
	return Math.max(0, lines.length - 1);
}

/** Orders the Shopify example bought, grouped by order: [{ orderNo, slug, quantity, status, replayed, iccids }]. */
export function shopifyOrders(result) {
	const byOrder = new Map();
	for (const { json } of nodeItems(result, 'Buy eSIM')) {
		const key = json.orderNo ?? json.orderNumber ?? json.idempotencyKey;
		const entry = byOrder.get(key) ?? {
			orderNo: json.orderNo ?? json.orderNumber,
			slug: json.slug ?? json.planName,
			quantity: json.quantity,
			status: json.status,
			fulfilment: json.fulfilment,
			replayed: Boolean(json.replayed),
			repeatSkipped: Boolean(json.repeatSkipped),
			idempotencyKey: json.idempotencyKey,
			iccids: [],
			hasQr: false,
		};
		if (json.iccid) entry.iccids.push(json.iccid);
		byOrder.set(key, entry);
	}
	return [...byOrder.values()];
}

/** Files the export example wrote: [{ node, path, rows }]. */
export function exportFiles(result) {
	const files = [];
	for (const [node, runs] of Object.entries(result?.data?.resultData?.runData ?? {})) {
		if (!node.startsWith('Write ')) continue;
		for (const item of runs[0]?.data?.main?.[0] ?? []) {
			const path = item.json.fileName;
			if (!path) continue;
			const text = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
			const header = (text?.split(/\r?\n/, 1)[0] ?? '').replace(/^\uFEFF/, '');
			files.push({
				node,
				path,
				name: basename(path),
				rows: text === undefined ? undefined : csvRowCount(text),
				columns: header ? header.split(',') : [],
				text,
			});
		}
	}
	return files;
}

/** The lines for one Shopify example: what it bought, what it decided, and its emails checked against its own eSIMs. */
function shopifyLines(result, { provider, fixture, emails }) {
	const lines = [];
	const orders = shopifyOrders(result);
	const esims = orders.reduce((n, order) => n + order.iccids.length, 0);
	lines.push(
		`Shopify order ${fixture?.name ?? ''} → ${orders.length} ${provider} order(s), ${esims} eSIM(s):`,
	);
	for (const order of orders) {
		const again = order.replayed
			? '  [replayed, not charged again]'
			: order.repeatSkipped
				? '  [repeat skipped, not bought again]'
				: '';
		lines.push(
			`  ${order.orderNo}  ${order.slug ?? ''} ×${order.quantity}  ${order.status} (${order.fulfilment})${again}`,
		);
		for (const iccid of order.iccids)
			lines.push(`      ICCID ${iccid}  (QR code PNG attached to the email step)`);
	}
	const decided = shopifyDecisionLine(result);
	if (decided) lines.push(decided);
	if (emails) {
		const activation = new Map(
			nodeItems(result, 'Buy eSIM').map(({ json }) => [json.iccid, json.activationCode]),
		);
		lines.push(...emailLines(emails, activation).map((line) => `  ${line}`));
	}
	return lines;
}

/**
 * The printed summary lines for the examples that ran.
 * @param {{ shopify?: any, shopifyDistribute?: any, exported?: any, topUp?: any, dataTopUp?: any, fixture?: any, emails?: any, emailsById?: Record<string, any[]> }} results
 * @param {{ kept?: boolean }} [options]
 */
export function summaryLines(
	{ shopify, shopifyDistribute, exported, topUp, dataTopUp, fixture, emailsById = {} },
	{ kept = false } = {},
) {
	const lines = [];
	if (shopify)
		lines.push(
			...shopifyLines(shopify, {
				provider: 'eSIMTrade',
				fixture,
				emails: emailsById[EXAMPLE_IDS.shopify],
			}),
		);
	if (shopifyDistribute)
		lines.push(
			...shopifyLines(shopifyDistribute, {
				provider: 'eSIM Distribute',
				fixture,
				emails: emailsById[EXAMPLE_IDS.shopifyDistribute],
			}),
		);
	if (exported) {
		const files = exportFiles(exported);
		const window = exportDecision(exported);
		lines.push(
			`Export of ${window.day} (UTC, 00:00 to 24:00): eSIMTrade ${window.tradeOrders} order(s), eSIM Distribute ${window.distributeRows ?? '?'} row(s)`,
		);
		if (!files.length) lines.push('  no file written (no orders that day)');
		for (const file of files) {
			const columns =
				file.columns.length > 6
					? `${file.columns.slice(0, 6).join(', ')}, … (${file.columns.length} columns)`
					: file.columns.join(', ');
			lines.push(
				`  ${file.name} — ${file.rows ?? '?'} row${file.rows === 1 ? '' : 's'}; ${columns}`,
			);
		}
		if (files.length)
			lines.push(
				kept
					? `  in ${dirname(files[0].path)}`
					: '  (written to the temporary n8n folder, removed at exit; `npm run demo -- --keep` keeps it)',
			);
	}
	if (topUp) lines.push(...topUpLines(topUp));
	if (dataTopUp) lines.push(...dataTopUpLines(dataTopUp));
	return lines;
}
