/**
 * The eSIM Distribute Shopify example run twice for the same Shopify order: the first run checks out once
 * and emails each eSIM; the second (Skip Repeat Within) buys nothing and emails no one.
 */
import { expect } from '@jest/globals';

import { runWorkflow } from '../../scripts/lib/demo/demo-run.mjs';
import { EXAMPLE_IDS } from '../../scripts/lib/demo/examples.mjs';
import { nodeItems } from '../../scripts/lib/n8n/n8n-cli.mjs';
import { readEmails } from '../../scripts/lib/demo/emails.mjs';
import type { Json } from './expectations';

export async function expectDistributeRerunBuysAndEmailsOnce(ctx: Json): Promise<void> {
	const checkouts = async (): Promise<number> =>
		(
			await ctx.sandbox.admin.requests({
				provider: 'distribute',
				method: 'POST',
				path: '/api/tenant/orders/checkout',
			})
		).count;
	const orders = async (): Promise<number> =>
		((await ctx.sandbox.admin.distribute.orders()) as Json[]).length;
	const mails = ctx.smtp.messages.length;
	const checkoutsBefore = await checkouts();

	const first = await runWorkflow(ctx, EXAMPLE_IDS.shopifyDistribute);
	const esims = nodeItems(first, 'Buy eSIM') as Json[];
	expect(esims).toHaveLength(3);
	expect(esims.every((i) => i.json.repeatSkipped !== true)).toBe(true);
	expect(await checkouts()).toBe(checkoutsBefore + 1);
	// One email per eSIM to the Shopify customer, its QR code = that eSIM's activation code.
	const emails = readEmails(ctx.smtp.messages.slice(mails)) as Json[];
	expect(emails.map((e) => e.iccid).sort()).toEqual(esims.map((i) => i.json.iccid).sort());
	for (const email of emails) {
		expect(email.to).toEqual([ctx.fixture.email]);
		expect(email.qrText).toBe(esims.find((i) => i.json.iccid === email.iccid)!.json.activationCode);
	}
	const ordersAfterFirst = await orders();

	const again = await runWorkflow(ctx, EXAMPLE_IDS.shopifyDistribute);
	const repeated = nodeItems(again, 'Buy eSIM') as Json[];
	expect(repeated.map((i) => i.json.iccid).sort()).toEqual(esims.map((i) => i.json.iccid).sort());
	expect(repeated.every((i) => i.json.repeatSkipped === true)).toBe(true);
	expect(nodeItems(again, 'First delivery?', { output: 1 })).toHaveLength(3);
	expect(await checkouts()).toBe(checkoutsBefore + 1);
	expect(await orders()).toBe(ordersAfterFirst);
	expect(ctx.smtp.messages).toHaveLength(mails + esims.length);
}
