// A purchase claimed in a table every n8n process shares before it is made: the way to hold eSIM Distribute's
// "buy once" across workers (docs/docker.md, "Two copies at the same instant"). The Postgres node inserts the
// delivery's key with INSERT … ON CONFLICT DO NOTHING RETURNING: one execution gets the row back and buys, every
// other copy gets nothing back and stops. The database decides, so it holds across workers and webhook processes.
import { code, distributeCheckoutWorkflow, uuidFrom, webhookNode } from './queue-workflows.mjs';

export const CLAIM_TABLE = 'esim_purchase_claims';

/** The table, created once by whoever runs n8n's database (here: the suite, in n8n's own database). */
export const CLAIM_TABLE_SQL = `CREATE TABLE IF NOT EXISTS ${CLAIM_TABLE} (claim_key text PRIMARY KEY, claimed_at timestamptz NOT NULL DEFAULT now())`;

export const CLAIM_CREDENTIAL_REF = { id: 'esimQueueClaimDb', name: 'Claims database' };

/** The n8n credential (type `postgres`) for the claims table, from the queue run's Postgres environment. */
export function claimCredential(pgEnv) {
	return {
		...CLAIM_CREDENTIAL_REF,
		type: 'postgres',
		data: {
			host: pgEnv.DB_POSTGRESDB_HOST,
			port: Number(pgEnv.DB_POSTGRESDB_PORT),
			database: pgEnv.DB_POSTGRESDB_DATABASE,
			user: pgEnv.DB_POSTGRESDB_USER,
			password: pgEnv.DB_POSTGRESDB_PASSWORD,
			ssl: 'disable',
		},
	};
}

/**
 * Webhook → Claim (Postgres: the body's `claimKey`) → First claim? → Checkout (as distributeCheckoutWorkflow, the
 * basket from the webhook's body) or "Already claimed" ({ skipped: true }).
 */
export function claimedCheckoutWorkflow({
	id = 'esimQueueClaimBy',
	path = 'esim-distribute-claimed-checkout',
} = {}) {
	const plain = distributeCheckoutWorkflow({ id, path });
	const checkout = structuredClone(plain.nodes.find((n) => n.name === 'Checkout'));
	const body = "$('Webhook').first().json.body";
	Object.assign(checkout.parameters, {
		itemsJson: `={{ JSON.stringify(${body}.items) }}`,
		email: `={{ ${body}.email }}`,
		customerName: `={{ ${body}.customerName ?? "Queue Customer" }}`,
	});
	checkout.position = [660, -100];
	const claim = {
		id: uuidFrom('node:claim'),
		name: 'Claim',
		type: 'n8n-nodes-base.postgres',
		typeVersion: 2.5,
		position: [220, 0],
		parameters: {
			operation: 'executeQuery',
			// A claim older than 10 minutes may be taken again: a copy re-sent after a lost execution goes on, and
			// Skip Repeat Within then finds the order if the lost one had placed it.
			query: `INSERT INTO ${CLAIM_TABLE} AS c (claim_key) VALUES ($1) ON CONFLICT (claim_key) DO UPDATE SET claimed_at = now() WHERE c.claimed_at < now() - interval '10 minutes' RETURNING claim_key`,
			options: { queryReplacement: '={{ $json.body.claimKey }}' },
		},
		credentials: { postgres: CLAIM_CREDENTIAL_REF },
	};
	const first = {
		id: uuidFrom('node:claim-if'),
		name: 'First claim?',
		type: 'n8n-nodes-base.if',
		typeVersion: 2.2,
		position: [440, 0],
		parameters: {
			conditions: {
				options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
				conditions: [
					{
						id: uuidFrom('cond:claim'),
						leftValue: '={{ $json.claim_key }}',
						rightValue: '',
						operator: { type: 'string', operation: 'exists', singleValue: true },
					},
				],
				combinator: 'and',
			},
			options: {},
		},
	};
	const skipped = code(
		'Already claimed',
		`return [{ json: { skipped: true, claimKey: ${body}.claimKey } }];`,
		[660, 100],
	);
	return {
		...plain,
		name: 'eSIM Distribute checkout, claimed first (queue mode)',
		nodes: [webhookNode('Webhook', path), claim, first, checkout, skipped],
		connections: {
			Webhook: { main: [[{ node: 'Claim', type: 'main', index: 0 }]] },
			Claim: { main: [[{ node: 'First claim?', type: 'main', index: 0 }]] },
			'First claim?': {
				main: [
					[{ node: 'Checkout', type: 'main', index: 0 }],
					[{ node: 'Already claimed', type: 'main', index: 0 }],
				],
			},
		},
	};
}
