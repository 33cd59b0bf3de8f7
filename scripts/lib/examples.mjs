// The example workflows in examples/: loading them, the credentials they reference (pointed at the
// sandbox for the demo), and the small rewrites a throw-away n8n needs (the export folder).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Ids and names the example workflows use to reference their credentials. */
export const CREDENTIAL_REFS = {
	esimTradeApi: { id: 'esimTradeDemo001', name: 'eSIMTrade account' },
	esimDistributeApi: { id: 'esimDistDemo0001', name: 'eSIM Distribute account' },
};

/** Well-known example ids (the demo's summary and the e2e suite look their nodes up by name). */
export const EXAMPLE_IDS = {
	shopify: 'esimShopifyOrder',
	export: 'esimDailyExport1',
	topUp: 'esimTopUpApprove',
	alerts: 'esimStatusAlerts',
};

export const PACKAGE_NAME = 'n8n-nodes-esim';

/** Every workflow in `<repo>/examples/*.json`, sorted by file name, with `file` added. */
export function loadExamples(repoDir) {
	const dir = join(repoDir, 'examples');
	return readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(readFileSync(join(dir, file), 'utf8')) }));
}

/** The recorded Shopify payload the Shopify example replays. */
export function loadShopifyFixture(repoDir) {
	return JSON.parse(readFileSync(join(repoDir, 'examples', 'fixtures', 'shopify-order.json'), 'utf8'));
}

/** Node types of this package (`n8n-nodes-esim.<name>`) a workflow uses. */
export function packageNodeTypes(workflow) {
	return [...new Set(workflow.nodes.map((node) => node.type).filter((type) => type.startsWith(`${PACKAGE_NAME}.`)))];
}

/** Credential types a workflow references. */
export function credentialTypes(workflow) {
	return [...new Set(workflow.nodes.flatMap((node) => Object.keys(node.credentials ?? {})))];
}

/**
 * Node type names (`description.name`) the built package provides, read from its package.json `n8n.nodes`
 * list: `dist/nodes/EsimTrade/EsimTrade.node.js` → `esimTrade`.
 */
export function builtNodeTypes(packageDir) {
	const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
	return (pkg.n8n?.nodes ?? [])
		.filter((file) => existsSync(join(packageDir, file)))
		.map((file) => {
			const base = file.split('/').pop().split('.')[0];
			return `${PACKAGE_NAME}.${base[0].toLowerCase()}${base.slice(1)}`;
		});
}

/** Credentials for the sandbox, in `n8n import:credentials` form, for the credential types given. */
export function sandboxCredentials(sandbox, types, { trade, distribute }) {
	const all = {
		esimTradeApi: { ...CREDENTIAL_REFS.esimTradeApi, type: 'esimTradeApi', data: { ...trade, baseUrl: sandbox.tradeBaseUrl } },
		esimDistributeApi: {
			...CREDENTIAL_REFS.esimDistributeApi,
			type: 'esimDistributeApi',
			data: { ...distribute, baseUrl: sandbox.distributeBaseUrl },
		},
	};
	return types.filter((type) => all[type]).map((type) => all[type]);
}

/**
 * A copy of the workflow ready for a throw-away n8n: every `Settings` node's `exportDir` points at
 * `exportDir` (n8n may only write files below N8N_RESTRICT_FILE_ACCESS_TO).
 */
export function prepareWorkflow(workflow, { exportDir } = {}) {
	const copy = structuredClone(workflow);
	for (const node of copy.nodes) {
		if (node.type !== 'n8n-nodes-base.set' || node.name !== 'Settings') continue;
		for (const assignment of node.parameters?.assignments?.assignments ?? []) {
			if (assignment.name === 'exportDir' && exportDir) assignment.value = exportDir;
		}
	}
	copy.active = false;
	return copy;
}

/** The manual trigger a headless run starts from (`n8n execute` only starts from a Manual Trigger). */
export function manualTriggerName(workflow) {
	return workflow.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger' && !node.disabled)?.name;
}
