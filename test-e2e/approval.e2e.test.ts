/**
 * The approval examples in a real n8n under `n8n start`, each started by a webhook as a schedule or a
 * trigger would start it (a production run). The approval and transfer-proof emails are read from the
 * SMTP sink and answered by opening their links over HTTP, as a person would; the sandbox's ledger
 * says what was bought. Also: a failing daily export alerts ops by email (its error workflow).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';

import { prepareRun } from '../scripts/lib/demo/demo-run.mjs';
import { EXAMPLE_IDS } from '../scripts/lib/demo/examples.mjs';
import { cleanupNow, stopAll } from '../scripts/lib/common/processes.mjs';
import { setQuiet } from '../scripts/lib/common/progress.mjs';
import type { Json } from './helpers/expectations';
import {
	buttonsOf,
	decisionOf,
	executionIn,
	nextEmail,
	nodeOf,
	openLink,
	outOf,
	restart,
	setSettings,
	startRun,
	startWithVariants,
	submitForm,
	waitingAt,
	webhookVariant,
} from './helpers/approval';

const repoDir = fileURLToPath(new URL('..', import.meta.url));
const APPROVER = 'finance@travel-data-shop.example';
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const ID = {
	approve: 'esimApproveOk001',
	decline: 'esimApproveNo001',
	pending: 'esimApprovePend1',
	twice: 'esimApproveTwice',
	restart: 'esimApproveBoot1',
	changed: 'esimApproveAlter',
	expired: 'esimApproveExpd1',
	exportFail: 'esimExportFail01',
	dataApprove: 'esimDataApprove1',
	dataDecline: 'esimDataDecline1',
};

let ctx: Json;
let service: Json;
/** The expired-quote run, started first so its one-minute quote has expired by the time it is approved. */
let expiredRun: { id: string; approve: string };

const topups = async (): Promise<Json[]> => (await ctx.sandbox.admin.distribute.topups()) as Json[];

/** A top-up variant: follow-ups every 3 s (at most 20), `change` on top. */
function topUpVariant(id: string, change?: (wf: Json) => void): Json {
	return webhookVariant(ctx, EXAMPLE_IDS.topUp, id, (wf) => {
		setSettings(wf, { followUpMinutes: 0.05, followUpChecks: 20 });
		change?.(wf);
	});
}

/** Starts a run and waits for its approval email; resolves { id, email, buttons }. */
async function runToApproval(id: string): Promise<Json> {
	const mails = ctx.smtp.messages.length;
	const executionId = await startRun(service, id);
	const email = await nextEmail(ctx, mails, /^Approve an eSIM Distribute top-up of /);
	await waitingAt(ctx, service, executionId, 'Ask for approval');
	expect(email.to).toEqual([APPROVER]);
	return { id: executionId, email, buttons: buttonsOf(email), mails };
}

/**
 * After Approve: the top-up exists awaiting proof and the proof email arrived; the payer gives the
 * receipt link in the form; eSIM Distribute approves the proof; the run ends "approved".
 */
async function payAndSettle(run: Json, receipt: string): Promise<Json> {
	const proofEmail = await nextEmail(ctx, run.mails, /^Pay the eSIM Distribute top-up of /);
	const topUp = (await topups())[0]!;
	expect(topUp).toMatchObject({ status: 'awaiting_proof', paymentMethod: 'bank_transfer' });
	expect(proofEmail.text).toContain(topUp.bankDetails.reference);
	await waitingAt(ctx, service, run.id, 'Ask for transfer proof');
	const form = buttonsOf(proofEmail)['Give the transfer receipt']!;
	expect(await submitForm(form, [receipt, topUp.bankDetails.reference])).toBe(200);
	const deadline = Date.now() + 30_000;
	while ((await topups()).find((t) => t.id === topUp.id)!.status !== 'proof_submitted') {
		if (Date.now() > deadline) throw new Error('the transfer proof was not uploaded');
		await sleep(300);
	}
	await ctx.sandbox.admin.distribute.approveTopup(topUp.id);
	const ex = await executionIn(ctx, service, run.id);
	expect(ex.status).toBe('success');
	expect(decisionOf(ex)).toBe('approved');
	return { ex, topUp: (await topups()).find((t) => t.id === topUp.id) };
}

beforeAll(async () => {
	setQuiet(process.env.E2E_VERBOSE !== '1');
	ctx = await prepareRun(repoDir, {});
	const variants = [
		topUpVariant(ID.approve),
		topUpVariant(ID.decline),
		topUpVariant(ID.pending),
		topUpVariant(ID.twice),
		topUpVariant(ID.restart),
		topUpVariant(ID.expired, (wf) => {
			nodeOf(wf, 'Quote top-up').parameters.options.quoteValidMinutes = 1;
		}),
		// The purchase is not the one quoted: 10 more than the approved amount.
		topUpVariant(ID.changed, (wf) => {
			const create = nodeOf(wf, 'Create top-up');
			create.parameters.amount = create.parameters.amount.replace(/ \}\}$/, ' + 10 }}');
		}),
		webhookVariant(ctx, EXAMPLE_IDS.export, ID.exportFail),
		webhookVariant(ctx, EXAMPLE_IDS.dataTopUp, ID.dataApprove),
		webhookVariant(ctx, EXAMPLE_IDS.dataTopUp, ID.dataDecline),
	];
	// One issued eSIM at eSIMTrade, for the data top-up example's "newest active eSIM".
	await ctx.sandbox.admin.trade.seedOrders(1, { status: 'got_resource' });
	service = await startWithVariants(ctx, variants, [EXAMPLE_IDS.opsAlert]);
	await ctx.sandbox.admin.distribute.setBalance(20);
	const run = await runToApproval(ID.expired);
	expiredRun = { id: run.id, approve: run.buttons.Approve };
});

afterAll(async () => {
	await service?.server?.stop();
	await stopAll();
	cleanupNow();
});

describe('Top-up approval (eSIM Distribute) in the real n8n', () => {
	it('above the limit: nothing is bought until Approve; then exactly one top-up, paid with the receipt the payer gave', async () => {
		await ctx.sandbox.admin.distribute.setBalance(20);
		const before = await topups();
		const run = await runToApproval(ID.approve);
		// 600 target − 20 balance = 580, above the 500 auto-approval limit.
		expect(run.email.subject).toMatch(/ 580 USD\?$/);
		expect(Object.keys(run.buttons).sort()).toEqual(['Approve', 'Decline']);
		expect(await topups()).toHaveLength(before.length);

		expect((await openLink(run.buttons.Approve)).status).toBe(200);
		const receipt = 'https://receipts.example.com/bank/transfer-580.pdf';
		const { ex, topUp } = await payAndSettle(run, receipt);
		expect(ex.mode).toBe('webhook');
		const after = await topups();
		expect(after).toHaveLength(before.length + 1);
		expect(topUp).toMatchObject({ amount: 580, status: 'approved', transferProofUrl: receipt });
		expect(outOf(ex, 'Create top-up')[0]).toMatchObject({ id: topUp.id, amount: 580 });
		expect((await ctx.sandbox.admin.distribute.balance()).creditBalance).toBe(600);
	});

	it('Decline: nothing is bought and the run ends successfully with "declined"', async () => {
		await ctx.sandbox.admin.distribute.setBalance(20);
		const before = (await topups()).length;
		const run = await runToApproval(ID.decline);
		expect((await openLink(run.buttons.Decline)).status).toBe(200);
		const ex = await executionIn(ctx, service, run.id);
		expect(ex.status).toBe('success');
		expect(decisionOf(ex)).toBe('declined');
		expect(outOf(ex, 'Declined')[0].detail).toMatch(/declined/);
		expect(ex.data.resultData.runData['Create top-up']).toBeUndefined();
		expect(await topups()).toHaveLength(before);
		expect((ctx.smtp.messages as Json[]).slice(run.mails)).toHaveLength(1);
	});

	it('while one is waiting for approval, the next run makes no quote and creates nothing; once declined, the next run asks again', async () => {
		await ctx.sandbox.admin.distribute.setBalance(20);
		const before = (await topups()).length;
		const first = await runToApproval(ID.pending);
		const quotes = async () =>
			(
				await ctx.sandbox.admin.requests({
					provider: 'distribute',
					method: 'GET',
					path: '/api/tenant/balance',
				})
			).count;
		const reads = await quotes();
		const mails = ctx.smtp.messages.length;
		const second = await executionIn(ctx, service, await startRun(service, ID.pending));
		expect(second.status).toBe('success');
		expect(decisionOf(second)).toBe('pending');
		expect(second.data.resultData.runData['Quote top-up']).toBeUndefined();
		expect(await quotes()).toBe(reads);
		expect(ctx.smtp.messages).toHaveLength(mails);
		expect(await topups()).toHaveLength(before);

		await openLink(first.buttons.Decline);
		expect(decisionOf(await executionIn(ctx, service, first.id))).toBe('declined');
		const third = await runToApproval(ID.pending);
		await openLink(third.buttons.Decline);
		expect(decisionOf(await executionIn(ctx, service, third.id))).toBe('declined');
		expect(await topups()).toHaveLength(before);
	});

	it('the Approve link opened twice (at once, and again later) buys once', async () => {
		await ctx.sandbox.admin.distribute.setBalance(20);
		const before = (await topups()).length;
		const run = await runToApproval(ID.twice);
		const answers = await Promise.all([
			openLink(run.buttons.Approve),
			openLink(run.buttons.Approve),
		]);
		expect(answers.some((a) => a.status === 200)).toBe(true);
		await nextEmail(ctx, run.mails, /^Pay the eSIM Distribute top-up of /);
		await openLink(run.buttons.Approve);
		await payAndSettle(run, 'https://receipts.example.com/bank/twice.pdf');
		expect(await topups()).toHaveLength(before + 1);
		const proofEmails = (ctx.smtp.messages as Json[])
			.slice(run.mails)
			.filter((m) => /^Pay the eSIM Distribute/.test(m.subject));
		expect(proofEmails).toHaveLength(1);
	});

	it('a run waiting for approval across an n8n restart buys exactly once after Approve', async () => {
		await ctx.sandbox.admin.distribute.setBalance(20);
		const before = (await topups()).length;
		const run = await runToApproval(ID.restart);
		await restart(ctx, service);
		expect((await executionIn(ctx, service, run.id, ['waiting'])).status).toBe('waiting');
		expect(await topups()).toHaveLength(before);
		expect((await openLink(run.buttons.Approve)).status).toBe(200);
		await payAndSettle(run, 'https://receipts.example.com/bank/after-restart.pdf');
		expect(await topups()).toHaveLength(before + 1);
	});

	it('a purchase that is not the approved quote buys nothing, names the field, and alerts ops', async () => {
		await ctx.sandbox.admin.distribute.setBalance(120);
		const before = (await topups()).length;
		const mails = ctx.smtp.messages.length;
		// 600 − 120 = 480, within the limit: no approval email, straight to Create top-up with the quote.
		const ex = await executionIn(ctx, service, await startRun(service, ID.changed));
		expect(ex.status).toBe('error');
		const error = ex.data.resultData.error;
		expect(error.message).toMatch(
			/^Approved Quote: this purchase is not the one approved: .*amount/,
		);
		expect(error.message).toMatch(/480/);
		expect(await topups()).toHaveLength(before);
		const alert = await nextEmail(ctx, mails, /^n8n workflow failed: .*esimApproveAlter/);
		expect(alert.to).toEqual(['ops@travel-data-shop.example']);
		expect(alert.text).toContain('Approved Quote');
	});

	it('an expired quote buys nothing, with an error naming Approved Quote and the expiry', async () => {
		const before = (await topups()).length;
		const waiting = await executionIn(ctx, service, expiredRun.id, ['waiting']);
		const expiresAt = Date.parse(outOf(waiting, 'Quote top-up')[0].quote.expiresAt);
		if (Date.now() < expiresAt + 1000) await sleep(expiresAt + 1000 - Date.now());
		expect((await openLink(expiredRun.approve)).status).toBe(200);
		const ex = await executionIn(ctx, service, expiredRun.id);
		expect(ex.status).toBe('error');
		expect(ex.data.resultData.error.message).toMatch(/^Approved Quote: the quote expired at /);
		expect(await topups()).toHaveLength(before);
	});
});

describe('Data top-up approval (eSIMTrade) in the real n8n', () => {
	const tradeTopups = async (): Promise<Json[]> =>
		(await ctx.sandbox.admin.trade.topups()) as Json[];

	/** Starts a run and waits for its approval email (3 GB at 3.50 USD, above the 3 USD limit). */
	async function dataRunToApproval(id: string): Promise<Json> {
		const mails = ctx.smtp.messages.length;
		const executionId = await startRun(service, id);
		const email = await nextEmail(ctx, mails, /^Approve 1 eSIM data top-up\(s\) for 3.5 USD\?$/);
		expect(email.to).toEqual(['support-lead@travel-data-shop.example']);
		await waitingAt(ctx, service, executionId, 'Ask for approval');
		return { id: executionId, email, buttons: buttonsOf(email) };
	}

	it('Approve: exactly the quoted top-up is bought, once', async () => {
		const before = (await tradeTopups()).length;
		const wallet = (await ctx.sandbox.admin.trade.wallet()).walletCents;
		const run = await dataRunToApproval(ID.dataApprove);
		expect(await tradeTopups()).toHaveLength(before);
		const iccid = outOf(await executionIn(ctx, service, run.id, ['waiting']), 'Quote top-up')[0]
			.quote.lines[0].iccid;
		expect(run.email.text).toContain(iccid);
		expect((await openLink(run.buttons.Approve)).status).toBe(200);
		const ex = await executionIn(ctx, service, run.id);
		expect(ex.status).toBe('success');
		expect(decisionOf(ex)).toBe('topped up');
		const after = await tradeTopups();
		expect(after).toHaveLength(before + 1);
		expect(after.at(-1)).toMatchObject({ iccid, quantity: 1, totalCents: 350 });
		expect(after.at(-1)!.option.slug).toMatch(/_TOPUP_3GB$/);
		expect((await ctx.sandbox.admin.trade.wallet()).walletCents).toBe(wallet - 350);
	});

	it('Decline: nothing is bought and the run ends with "declined"', async () => {
		const before = (await tradeTopups()).length;
		const run = await dataRunToApproval(ID.dataDecline);
		expect((await openLink(run.buttons.Decline)).status).toBe(200);
		const ex = await executionIn(ctx, service, run.id);
		expect(ex.status).toBe('success');
		expect(decisionOf(ex)).toBe('declined');
		expect(await tradeTopups()).toHaveLength(before);
	});
});

describe('Daily order export: a failure alerts ops', () => {
	it('eSIM Distribute failing every export request: the run fails and the ops alert arrives at the SMTP sink', async () => {
		const mails = ctx.smtp.messages.length;
		await ctx.sandbox.admin.faults({
			rules: [{ route: 'GET /api/tenant/orders/export', kind: '5xx', count: 50 }],
		});
		try {
			const ex = await executionIn(ctx, service, await startRun(service, ID.exportFail));
			expect(ex.status).toBe('error');
			const alert = await nextEmail(ctx, mails, /^n8n workflow failed: Daily order export/);
			expect(alert.to).toEqual(['ops@travel-data-shop.example']);
			expect(alert.text).toMatch(/in node "eSIM Distribute export"/);
			expect(alert.text).toContain('What happened:');
		} finally {
			await ctx.sandbox.admin.faults({ clear: true });
		}
	});
});
