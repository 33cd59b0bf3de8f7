/**
 * Human approval in the real n8n, for the e2e suites: the shared steps of scripts/lib/demo/approvals.mjs
 * (webhook-started runs, Send and Wait emails read from the SMTP sink, links opened as a person would),
 * and the top-up example's within-limit run that the suites of every package share.
 */
import { expect } from '@jest/globals';

import {
	buttonsOf,
	decisionOf,
	nextEmail,
	executionIn,
	setSettings,
	startRun,
	startWithVariants,
	submitForm,
	waitingAt,
	webhookVariant,
} from '../../scripts/lib/demo/approvals.mjs';
import type { Json } from './expectations';

export * from '../../scripts/lib/demo/approvals.mjs';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A node of a workflow by name. */
export const nodeOf = (wf: Json, name: string): Json => wf.nodes.find((n: Json) => n.name === name);

/**
 * The top-up example within its auto-approval limit, as a production run under `n8n start`: balance 120
 * → a bank-transfer top-up of 480 (no approval step), the payer gives the receipt link in the proof form,
 * eSIM Distribute approves it. Resolves the execution (REST form: `data.resultData.runData`).
 */
export async function runTopUpWithinLimit(ctx: Json, exampleId: string): Promise<Json> {
	const id = 'esimTopUpAuto001';
	const wf = webhookVariant(ctx, exampleId, id, (w: Json) =>
		setSettings(w, { followUpMinutes: 0.05, followUpChecks: 20 }),
	);
	const service: Json = await startWithVariants(ctx, [wf]);
	try {
		await ctx.sandbox.admin.distribute.setBalance(120);
		const before = ((await ctx.sandbox.admin.distribute.topups()) as Json[]).length;
		const mails = ctx.smtp.messages.length;
		const executionId = await startRun(service, id);
		const email: Json = await nextEmail(ctx, mails, /^Pay the eSIM Distribute top-up of 480 USD/);
		await waitingAt(ctx, service, executionId, 'Ask for transfer proof');
		const receipt = 'https://receipts.example.com/bank/transfer-480.pdf';
		expect(await submitForm(buttonsOf(email)['Give the transfer receipt']!, [receipt, ''])).toBe(
			200,
		);
		let topUp: Json;
		const deadline = Date.now() + 30_000;
		for (;;) {
			const all = (await ctx.sandbox.admin.distribute.topups()) as Json[];
			topUp = all[0];
			if (all.length === before + 1 && topUp.status === 'proof_submitted') break;
			if (Date.now() > deadline) throw new Error('the transfer proof was not uploaded');
			await sleep(300);
		}
		expect(topUp).toMatchObject({ amount: 480, transferProofUrl: receipt });
		// Not credited until eSIM Distribute approves the proof.
		expect((await ctx.sandbox.admin.distribute.balance()).creditBalance).toBe(120);
		await ctx.sandbox.admin.distribute.approveTopup(topUp.id);
		const ex: Json = await executionIn(ctx, service, executionId);
		expect(ex.status).toBe('success');
		expect(decisionOf(ex)).toBe('approved');
		expect(ex.data.resultData.runData['Ask for approval']).toBeUndefined();
		expect((await ctx.sandbox.admin.distribute.topups())[0]).toMatchObject({
			id: topUp.id,
			status: 'approved',
		});
		return ex;
	} finally {
		await service.server.stop();
	}
}
