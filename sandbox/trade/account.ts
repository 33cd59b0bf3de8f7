import { CATALOG, findPlan } from './catalog';
import type { TradeContext } from './context';
import { fail, ok } from './respond';
import { planView } from './views';
import { usdString } from './wallet';

/** GET /portal/balance */
export function getBalance({ sim }: TradeContext) {
	const cents = sim.walletCents;
	return ok({
		data: {
			balance: `$${usdString(cents)}`,
			walletBalanceUsd: usdString(cents),
			walletBalanceCents: cents,
		},
	});
}

/** GET /portal/plans[?slug=]: the whole catalog as an array, or one plan. */
export function getPlans({ req }: TradeContext) {
	const slug = req.query.slug?.trim();
	if (!slug) return ok({ data: CATALOG.map(planView) });
	const plan = findPlan(slug);
	return plan ? ok({ data: planView(plan) }) : fail(404, 'Plan not found');
}

function profileView({ sim }: TradeContext): Record<string, unknown> {
	return { ...sim.profile, balanceUsd: usdString(sim.walletCents) };
}

/** GET /reseller/profile */
export function getProfile(ctx: TradeContext) {
	return ok({ profile: profileView(ctx) });
}

const PROFILE_FIELDS = ['companyName', 'country', 'website'] as const;

/** PATCH /reseller/profile {companyName?, country?, website?}: every field optional, strings only. */
export function updateProfile(ctx: TradeContext) {
	for (const field of PROFILE_FIELDS) {
		const value = ctx.body[field];
		if (value !== undefined && typeof value !== 'string') return fail(400, `Invalid ${field}`);
	}
	for (const field of PROFILE_FIELDS) {
		const value = ctx.body[field];
		if (typeof value === 'string') ctx.sim.profile[field] = value.trim();
	}
	return ok({ ok: true, profile: profileView(ctx) });
}

function isHttpUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

/** PATCH /reseller/webhook {webhookUrl}: portal session only; '' clears the URL. */
export function updateWebhook({ sim, auth, body }: TradeContext) {
	if (auth.kind !== 'session')
		return fail(403, 'Webhook settings require a reseller portal session');
	const url = body.webhookUrl;
	if (typeof url !== 'string' || (url !== '' && !isHttpUrl(url)))
		return fail(400, 'Invalid webhookUrl');
	sim.webhookUrl = url === '' ? null : url;
	return ok({ ok: true, webhookUrl: url });
}
