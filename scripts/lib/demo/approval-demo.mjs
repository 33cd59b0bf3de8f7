// The headless demo's run of the examples that wait for a person (the two approval examples): under
// `n8n start`, started by a webhook as their schedule or trigger would start them, with the demo itself
// answering the emails at the SMTP sink: Approve, then the transfer receipt form; it also plays eSIM
// Distribute checking the receipt (the sandbox's admin API approves the top-up).
import { StepError, step } from '../common/progress.mjs';
import {
	buttonsOf,
	decisionOf,
	executionIn,
	nextEmail,
	openLink,
	setSettings,
	startRun,
	startWithVariants,
	submitForm,
	waitingAt,
	webhookVariant,
} from './approvals.mjs';
import { EXAMPLE_IDS } from './examples.mjs';

/** The examples this runs (they cannot run under `n8n execute`: they wait for an answer). */
export const APPROVAL_EXAMPLE_IDS = [EXAMPLE_IDS.topUp, EXAMPLE_IDS.dataTopUp];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Runs the approval examples that were imported; resolves { [example id]: execution }. */
export async function runApprovalExamples(ctx) {
	const present = APPROVAL_EXAMPLE_IDS.filter((id) => ctx.workflows.some((wf) => wf.id === id));
	if (!present.length || !ctx.smtp) return {};
	// The same workflow, started by a webhook; the top-up follows its status every 3 s instead of hourly.
	const variants = present.map((id) =>
		webhookVariant(ctx, id, id, (wf) => {
			wf.name = ctx.workflows.find((w) => w.id === id).name;
			if (id === EXAMPLE_IDS.topUp) setSettings(wf, { followUpMinutes: 0.05, followUpChecks: 20 });
		}),
	);
	const service = await step(
		'Starting n8n (n8n start) for the examples that wait for a person',
		async () => {
			const started = await startWithVariants(ctx, variants);
			return Object.assign(started, { note: started.server.url });
		},
	);
	const results = {};
	try {
		for (const wf of variants)
			results[wf.id] = await step(
				`Running "${wf.name}" (the demo answers its emails)`,
				async () => {
					const ex =
						wf.id === EXAMPLE_IDS.topUp
							? await walletTopUp(ctx, service)
							: await dataTopUp(ctx, service);
					if (ex.status !== 'success')
						throw new StepError(
							`"${wf.name}" ended with status "${ex.status}": ${ex.data.resultData.error?.message ?? ''}`,
							ex.data.resultData.error?.description,
						);
					return Object.assign(ex, { note: `decided: ${decisionOf(ex)}` });
				},
			);
	} finally {
		await service.server.stop();
	}
	return results;
}

/** Balance 20 → a quote of 580, above the limit: Approve, give the receipt, eSIM Distribute approves it. */
async function walletTopUp(ctx, service) {
	await ctx.sandbox.admin.distribute.setBalance(20);
	const mails = ctx.smtp.messages.length;
	const id = await startRun(service, EXAMPLE_IDS.topUp);
	const approval = await nextEmail(ctx, mails, /^Approve an eSIM Distribute top-up/);
	await waitingAt(ctx, service, id, 'Ask for approval');
	await openLink(buttonsOf(approval).Approve);
	const proof = await nextEmail(ctx, mails, /^Pay the eSIM Distribute top-up/);
	const [topUp] = await ctx.sandbox.admin.distribute.topups();
	await waitingAt(ctx, service, id, 'Ask for transfer proof');
	const receipt = `https://receipts.example.com/bank/${topUp.bankDetails.reference}.pdf`;
	await submitForm(buttonsOf(proof)['Give the transfer receipt'], [
		receipt,
		topUp.bankDetails.reference,
	]);
	const deadline = Date.now() + 30_000;
	while ((await ctx.sandbox.admin.distribute.topups())[0].status !== 'proof_submitted') {
		if (Date.now() > deadline) throw new StepError('the transfer receipt was not uploaded');
		await sleep(300);
	}
	await ctx.sandbox.admin.distribute.approveTopup(topUp.id);
	return executionIn(ctx, service, id);
}

/** The newest active eSIM (one the Shopify example bought): its 3 GB top-up is above the limit; Approve. */
async function dataTopUp(ctx, service) {
	const mails = ctx.smtp.messages.length;
	const id = await startRun(service, EXAMPLE_IDS.dataTopUp);
	const done = executionIn(ctx, service, id, [
		'success',
		'error',
		'crashed',
		'canceled',
		'waiting',
	]);
	const first = await done;
	if (first.status !== 'waiting') return first;
	const approval = await nextEmail(ctx, mails, /^Approve \d+ eSIM data top-up/);
	await openLink(buttonsOf(approval).Approve);
	return executionIn(ctx, service, id);
}
