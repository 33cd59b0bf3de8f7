// The single-service packages built from this tree, and which of the combined package's nodes and
// credentials each one ships. A provider owns the nodes under `dist/nodes/<folder>/` and the
// credentials named `<folder>…Api.credentials.js`; every entry of the combined package must belong
// to exactly one provider, so a node added to package.json cannot silently miss its package.
import { basename } from 'node:path';

export const PROVIDERS = [
	{
		name: 'n8n-nodes-esimtrade',
		folder: 'EsimTrade',
		label: 'eSIMTrade',
		description:
			'n8n nodes for the eSIMTrade reseller API: plans with reseller prices, idempotent eSIM orders, fulfilment with QR codes, top-ups, wallet, an order, eSIM and balance trigger, and a webhook trigger for real-time order events.',
		keywords: ['esimtrade'],
	},
	{
		name: 'n8n-nodes-esim-distribute',
		folder: 'EsimDistribute',
		label: 'eSIM Distribute',
		description:
			'n8n nodes for the eSIM Distribute partner API: plans, checkout from the credit balance with reconciliation, orders, CSV export and credit top-ups.',
		keywords: ['esim-distribute'],
	},
];

/** Whether a compiled entry path (`dist/…`) belongs to the provider. */
export function ownsEntry(provider, entry) {
	if (entry.startsWith(`dist/nodes/${provider.folder}/`)) return true;
	const file = basename(entry);
	return entry.startsWith('dist/credentials/') && new RegExp(`^${provider.folder}[A-Za-z0-9]*Api\\.credentials\\.js$`).test(file);
}

/**
 * Splits the combined package's `n8n` block into one block per provider, in the combined order.
 * Throws when an entry belongs to no provider or to several.
 */
export function splitEntries(rootPkg) {
	const n8n = rootPkg.n8n ?? {};
	const out = new Map(PROVIDERS.map((p) => [p.name, { nodes: [], credentials: [] }]));
	for (const kind of ['nodes', 'credentials']) {
		for (const entry of n8n[kind] ?? []) {
			const owners = PROVIDERS.filter((p) => ownsEntry(p, entry));
			if (owners.length !== 1) {
				throw new Error(
					`${entry} (package.json n8n.${kind}) belongs to ${owners.length ? owners.map((p) => p.name).join(' and ') : 'no single-service package'}; ` +
						'nodes live in dist/nodes/<Provider>/ and credentials are named <Provider>…Api.credentials.ts',
				);
			}
			out.get(owners[0].name)[kind].push(entry);
		}
	}
	return out;
}
