/**
 * What a headless run of an example must have done, checked on n8n's run data and on the sandbox's own
 * records (admin API). Shared by the suites that install the combined package and the single-service ones.
 */
import { expect } from '@jest/globals';

import { runWorkflow } from '../../scripts/lib/demo/demo-run.mjs';
import { EXAMPLE_IDS } from '../../scripts/lib/demo/examples.mjs';
import { readEmails } from '../../scripts/lib/demo/emails.mjs';
import { nodeItems, nodeRan } from '../../scripts/lib/n8n/n8n-cli.mjs';
import { runTopUpWithinLimit } from './approval';

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Json = Record<string, any>;

/** Shopify line items that are eSIMs, as the Shopify example's Code node selects them. */
export const esimLinesOf = (fixture: Json): Json[] =>
	(fixture.line_items as Json[]).filter((line) => String(line.sku).startsWith('ESIM-'));

/**
 * The emails the SMTP sink received for these eSIMs: exactly one per eSIM, each to `recipient`, with a QR PNG
 * that decodes to that eSIM's activation code and the iOS and Android install links for it. Returns the rows.
 */
export function expectCustomerEmails(messages: Json[], esims: Json[], recipient: string): Json[] {
	const rows = readEmails(messages) as Json[];
	expect(rows).toHaveLength(esims.length);
	expect(rows.map((row) => row.iccid).sort()).toEqual(esims.map((e) => e.json.iccid).sort());
	for (const row of rows) {
		const esim = esims.find((e) => e.json.iccid === row.iccid)!.json;
		expect(row.to).toEqual([recipient]);
		expect(row.qrFiles).toEqual([`esim-${esim.iccid}.png`]);
		expect(row.qrText).toBe(esim.activationCode);
		const carddata = encodeURIComponent(esim.activationCode);
		expect(row.links).toEqual(
			expect.arrayContaining([
				`https://esimsetup.apple.com/esim_qrcode_provisioning?carddata=${carddata}`,
				`https://esimsetup.android.com/esim_qrcode_provisioning?carddata=${carddata}`,
			]),
		);
	}
	return rows;
}

/**
 * Runs the Shopify → eSIM example against a sandbox that has no eSIMTrade orders yet and checks that it
 * bought one order per eSIM line item, waited for fulfilment and handed each eSIM on with its ICCID and
 * QR code, and that the sandbox charged each order once. Resolves the execution.
 */
export async function runShopifyFirstTime(
	ctx: Json,
	workflowId: string = EXAMPLE_IDS.shopify,
): Promise<Json> {
	const fixture = ctx.fixture as Json;
	const esimLines = esimLinesOf(fixture);
	const walletBefore = (await ctx.sandbox.admin.trade.wallet()).walletCents;
	const emailsBefore = ctx.smtp?.messages.length ?? 0;
	const result = (await runWorkflow(ctx, workflowId)) as Json;
	expect(result.status).toBe('success');

	const items = nodeItems(result, 'Buy eSIM') as Json[];
	const esimCount = esimLines.reduce((n, line) => n + line.quantity, 0);
	expect(items).toHaveLength(esimCount);
	for (const item of items) {
		expect(item.json.fulfilment).toBe('fulfilled');
		expect(item.json.replayed).toBe(false);
		expect(item.json.iccid).toMatch(/^\d{19,20}$/);
		expect(item.json.activationCode).toMatch(/^LPA:1\$/);
		expect(item.binary?.qrCode?.mimeType).toBe('image/png');
	}
	expect(new Set(items.map((i) => i.json.idempotencyKey))).toEqual(
		new Set(esimLines.map((line) => `${fixture.id}-${line.id}`)),
	);
	// The email step ran once per eSIM; nothing went to ops.
	expect(nodeItems(result, 'Alert ops')).toHaveLength(0);
	const emailed = nodeItems(result, 'Email QR code') as Json[];
	expect(emailed).toHaveLength(esimCount);
	if (ctx.smtp) expectCustomerEmails(ctx.smtp.messages.slice(emailsBefore), items, fixture.email);

	// The sandbox's ledger: exactly these orders, charged once each (the demo's seeded history aside).
	const orders = ((await ctx.sandbox.admin.trade.orders()) as Json[]).filter((o) =>
		String(o.idempotencyKey ?? '').startsWith(`${fixture.id}-`),
	);
	expect(orders).toHaveLength(esimLines.length);
	for (const line of esimLines) {
		const order = orders.find((o) => o.idempotencyKey === `${fixture.id}-${line.id}`)!;
		expect(order).toBeDefined();
		expect(order.slug).toBe(String(line.sku).replace(/^ESIM-/, ''));
		expect(order.quantity).toBe(line.quantity);
		expect(order.status).toBe('got_resource');
		expect(order.esims.map((e: Json) => e.iccid).sort()).toEqual(
			items
				.filter((i) => i.json.orderNo === order.orderNo)
				.map((i) => i.json.iccid)
				.sort(),
		);
	}
	const charged = orders.reduce((n, o) => n + o.paidCents, 0);
	const walletAfter = (await ctx.sandbox.admin.trade.wallet()).walletCents;
	expect(walletBefore - walletAfter).toBe(charged);
	const debits = ((await ctx.sandbox.admin.trade.ledger()) as Json[]).filter(
		(e) => e.type === 'debit',
	);
	expect(debits).toHaveLength(esimLines.length);
	return result;
}

/**
 * The top-up example below its threshold and within its auto-approval limit (balance 120 → a bank-transfer
 * top-up of 480), as a production run under `n8n start`: the transfer proof comes from the payer's form
 * answer, and the run follows the status until eSIM Distribute approves it. Resolves the execution.
 */
export async function runTopUpBelowThreshold(
	ctx: Json,
	workflowId: string = EXAMPLE_IDS.topUp,
): Promise<Json> {
	const result = await runTopUpWithinLimit(ctx, workflowId);
	expect(nodeItems(result, 'Get balance')[0]).toMatchObject({ json: { creditBalance: 120 } });
	expect(nodeRan(result, 'Balance is fine')).toBe(false);
	return result;
}

/** Rows of a simple CSV (no quoted commas in these files) as objects keyed by the header. */
export function csvRows(text: string): Json[] {
	const [header, ...lines] = text
		.replace(/^\uFEFF/, '')
		.split(/\r?\n/)
		.filter((line) => line.length > 0);
	const columns = header!.split(',');
	return lines.map((line) =>
		Object.fromEntries(
			line.split(',').map((value, i) => [columns[i], value.replace(/^"|"$/g, '')]),
		),
	);
}
