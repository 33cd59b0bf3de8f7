// The example workflows in examples/: loading them, the credentials they reference (pointed at the
// sandbox for the demo), and the small rewrites a throw-away n8n needs (the export folder).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROVIDERS } from '../packaging/split-providers.mjs';

/** Ids and names the example workflows use to reference their credentials. */
export const CREDENTIAL_REFS = {
	esimTradeApi: { id: 'esimTradeDemo001', name: 'eSIMTrade account' },
	esimDistributeApi: { id: 'esimDistDemo0001', name: 'eSIM Distribute account' },
};

/** Well-known example ids (the demo's summary and the e2e suite look their nodes up by name). */
export const EXAMPLE_IDS = {
	shopify: 'esimShopifyOrder',
	shopifyDistribute: 'esimShopifyDistr',
	export: 'esimDailyExport1',
	topUp: 'esimTopUpApprove',
	alerts: 'esimStatusAlerts',
	fulfilmentWebhook: 'esimFulfilWebhk1',
	distributeEmail: 'esimDistFulfilQr',
	opsAlert: 'esimOpsAlertErr1',
	dataTopUp: 'esimDataTopUpOk1',
};

export const PACKAGE_NAME = 'n8n-nodes-esim';
/** The combined package and the single-service ones `npm run pack:all` also builds. */
export const PACKAGE_NAMES = [PACKAGE_NAME, ...PROVIDERS.map((provider) => provider.name)];

/** `n8n-nodes-esimtrade.esimTrade` → { packageName: 'n8n-nodes-esimtrade', name: 'esimTrade' }. */
export function splitNodeType(type) {
	const dot = type.lastIndexOf('.');
	return { packageName: type.slice(0, dot), name: type.slice(dot + 1) };
}

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
	return JSON.parse(
		readFileSync(join(repoDir, 'examples', 'fixtures', 'shopify-order.json'), 'utf8'),
	);
}

/** Node types of this repository's packages (`n8n-nodes-esim.<name>`, `n8n-nodes-esimtrade.<name>`, …) a workflow uses. */
export function packageNodeTypes(workflow) {
	return [
		...new Set(
			workflow.nodes
				.map((node) => node.type)
				.filter((type) => PACKAGE_NAMES.includes(splitNodeType(type).packageName)),
		),
	];
}

/**
 * A copy of the workflow whose combined-package node types (`n8n-nodes-esim.<name>`) that are not
 * installed point at the installed package providing `<name>` instead: with the single-service
 * packages installed, `n8n-nodes-esim.esimTrade` becomes `n8n-nodes-esimtrade.esimTrade`. A type
 * no installed package provides is left as it is. `installedTypes` as from builtNodeTypes().
 */
export function retargetNodeTypes(workflow, installedTypes) {
	const copy = structuredClone(workflow);
	for (const node of copy.nodes) {
		const { packageName, name } = splitNodeType(node.type);
		if (packageName !== PACKAGE_NAME || installedTypes.includes(node.type)) continue;
		const candidates = installedTypes.filter((type) => splitNodeType(type).name === name);
		if (candidates.length === 1) node.type = candidates[0];
	}
	return copy;
}

/** Credential types a workflow references. */
export function credentialTypes(workflow) {
	return [...new Set(workflow.nodes.flatMap((node) => Object.keys(node.credentials ?? {})))];
}

/**
 * Node types (`<package name>.<description.name>`) a built or installed package provides, read from its
 * package.json `name` and `n8n.nodes` list: `dist/nodes/EsimTrade/EsimTrade.node.js` → `<name>.esimTrade`.
 */
export function builtNodeTypes(packageDir) {
	const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
	return (pkg.n8n?.nodes ?? [])
		.filter((file) => existsSync(join(packageDir, file)))
		.map((file) => {
			const base = file.split('/').pop().split('.')[0];
			return `${pkg.name}.${base[0].toLowerCase()}${base.slice(1)}`;
		});
}

/** Credentials for the sandbox, in `n8n import:credentials` form, for the credential types given. */
export function sandboxCredentials(sandbox, types, { trade, distribute }) {
	const all = {
		esimTradeApi: {
			...CREDENTIAL_REFS.esimTradeApi,
			type: 'esimTradeApi',
			data: { ...trade, baseUrl: sandbox.tradeBaseUrl },
		},
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
 * `exportDir` (n8n may only write files below N8N_RESTRICT_FILE_ACCESS_TO), and with `smtp` (a credential
 * reference) every email step is enabled and sends through that credential.
 * @param {any} workflow
 * @param {{ exportDir?: string, smtp?: { id: string, name: string } }} [options]
 */
export function prepareWorkflow(workflow, { exportDir, smtp } = {}) {
	const copy = structuredClone(workflow);
	for (const node of copy.nodes) {
		// The examples ship their email step disabled; with a local SMTP sink it sends for real.
		if (smtp && node.type === 'n8n-nodes-base.emailSend') {
			node.disabled = false;
			node.credentials = { smtp: { id: smtp.id, name: smtp.name } };
		}
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
	return workflow.nodes.find(
		(node) => node.type === 'n8n-nodes-base.manualTrigger' && !node.disabled,
	)?.name;
}
