// The demo's steps, shared by `npm run demo` (headless) and `npm run demo -- --ui`, and reused by the
// e2e suite: install or reuse n8n, build + pack + install this package, start the sandbox, import
// credentials and the example workflows, then run them or start the editor.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { ensureN8n } from '../n8n/n8n-install.mjs';
import {
	createUserFolder,
	execute,
	importJson,
	installCommunityPackage,
	outputTail,
	startN8n,
} from '../n8n/n8n-cli.mjs';
import { connect } from '../n8n/n8n-rest.mjs';
import { buildPackage, packAll, packPackage } from '../packaging/package.mjs';
import { StepError, info, step } from '../common/progress.mjs';
import { DISTRIBUTE_DEMO_LOGIN, TRADE_DEMO_KEYS, startSandbox } from './sandbox.mjs';
import { SMTP_CREDENTIAL, startSmtpSink } from './smtp-sink.mjs';
import { APPROVAL_EXAMPLE_IDS, runApprovalExamples } from './approval-demo.mjs';
import {
	EXAMPLE_IDS,
	builtNodeTypes,
	credentialTypes,
	loadExamples,
	loadShopifyFixture,
	manualTriggerName,
	packageNodeTypes,
	prepareWorkflow,
	retargetNodeTypes,
	sandboxCredentials,
	splitNodeType,
} from './examples.mjs';

/**
 * Everything up to (and including) the imports. Returns the run context:
 * { repoDir, paths, folder, sandbox, smtp, workflows, credentials, exportDir, fixture, packs, installed }; `smtp` is the local
 * SMTP sink (see smtp-sink.mjs) when an example sends email.
 *
 * By default installs the combined package (`npm pack` of the repo). `packages` (names of tarballs
 * `npm run pack:all` writes, e.g. the two single-service ones) installs those side by side instead;
 * the examples' `n8n-nodes-esim.<name>` node types are then pointed at the installed package that
 * provides `<name>` as they are imported (see retargetNodeTypes()).
 *
 * `version` runs another n8n version than the pinned one (see N8N_MATRIX in n8n-install.mjs).
 *
 * @param {string} repoDir
 * `env(paths)` adds to the environment of every n8n command (queue mode: Postgres, Redis, …). With `email: false`
 * the examples' email steps stay as the files have them (off), and no SMTP sink is started. `build` defaults to
 * true, and to false with E2E_BUILD=0 in the environment (pack the dist/ there is: .ci/run's later phases).
 *
 * @param {{ keep?: boolean, build?: boolean, examples?: object[], packages?: string[], version?: string, env?: (paths: object) => object, email?: boolean }} [options]
 */
export async function prepareRun(
	repoDir,
	{
		keep = false,
		build = process.env.E2E_BUILD !== '0',
		examples,
		packages,
		version,
		env,
		email = true,
	} = {},
) {
	const paths = await ensureN8n(version ? { version } : {});
	const packs = await packTarballs(repoDir, { build, packages });
	const folder = await createUserFolder(paths, { keep });
	if (env) Object.assign(folder.env, env(paths));
	const what = packs.length === 1 ? 'it' : packs.map((p) => p.name).join(' and ');
	const installed = await step(
		`Installing ${what} into a fresh n8n user folder as ${packs.length === 1 ? 'a community package' : 'community packages'}`,
		async () => {
			const nodesDir = await installCommunityPackage(
				folder,
				packs.map((p) => p.tarball),
			);
			const byPackage = packs.map((p) => ({
				name: p.name,
				types: builtNodeTypes(join(nodesDir, 'node_modules', p.name)),
			}));
			const names = (types) => types.map((type) => splitNodeType(type).name).join(', ');
			const note = byPackage
				.map((p) =>
					packs.length === 1 ? `nodes: ${names(p.types)}` : `${p.name}: ${names(p.types)}`,
				)
				.join('; ');
			return { nodesDir, types: byPackage.flatMap((p) => p.types), note };
		},
	);

	const all = (examples ?? loadExamples(repoDir).map((entry) => entry.workflow)).map((wf) =>
		retargetNodeTypes(wf, installed.types),
	);
	// `<type>Tool` is the AI Agent tool n8n derives from a usableAsTool node `<type>`.
	const provided = (type) =>
		installed.types.includes(type) || installed.types.includes(type.replace(/Tool$/, ''));
	const missing = all.flatMap((wf) =>
		packageNodeTypes(wf)
			.filter((type) => !provided(type))
			.map((type) => `${wf.name}: ${type}`),
	);
	if (missing.length)
		throw new StepError(
			`example workflows use node types the installed package(s) do not provide:\n  ${missing.join('\n  ')}`,
		);

	const sandbox = await step('Starting the provider sandbox', async () => {
		const sb = await startSandbox(repoDir);
		return Object.assign(sb, { note: sb.url });
	});
	const usesEmail =
		email && all.some((wf) => wf.nodes.some((node) => node.type === 'n8n-nodes-base.emailSend'));
	const smtp = usesEmail
		? await step('Starting a local SMTP sink for the customer emails', async () => {
				const sink = await startSmtpSink();
				return Object.assign(sink, { note: `127.0.0.1:${sink.port}` });
			})
		: undefined;
	const exportDir = join(folder.filesDir, 'esim-exports');
	mkdirSync(exportDir, { recursive: true });
	const workflows = all.map((wf) =>
		prepareWorkflow(wf, { exportDir, smtp: smtp && SMTP_CREDENTIAL }),
	);
	const types = [...new Set(workflows.flatMap(credentialTypes))];
	const credentials = [
		...sandboxCredentials(sandbox, types, {
			trade: TRADE_DEMO_KEYS,
			distribute: DISTRIBUTE_DEMO_LOGIN,
		}),
		...(smtp ? [smtp.credential] : []),
	];
	await step(`Importing ${credentials.length} credential(s) pointing at the sandbox`, async () => {
		await importJson(folder, 'credentials', credentials);
		return { note: credentials.map((c) => c.name).join(', ') };
	});
	await step(`Importing ${workflows.length} example workflow(s)`, async () => {
		await importJson(folder, 'workflow', workflows, 'workflows.json');
		return { note: workflows.map((wf) => wf.name).join(', ') };
	});
	return {
		repoDir,
		paths,
		folder,
		sandbox,
		smtp,
		workflows,
		credentials,
		exportDir,
		fixture: loadShopifyFixture(repoDir),
		packs,
		installed,
	};
}

/** Builds and packs what prepareRun() installs: [{ name, tarball, … }]. */
async function packTarballs(repoDir, { build, packages }) {
	const kB = (pack) => `${(pack.size / 1024).toFixed(0)} kB`;
	if (!packages) {
		if (build) await step('Building the package (npm run build)', () => buildPackage(repoDir));
		const pack = await step('Packing it (npm pack)', async () => {
			const result = await packPackage(repoDir);
			return {
				...result,
				note: `${result.name}-${result.version}.tgz, ${result.files} files, ${kB(result)}`,
			};
		});
		return [pack];
	}
	return step(
		`${build ? 'Building and packing' : 'Packing'} every package (npm run pack:all)`,
		async () => {
			const all = await packAll(repoDir, { build });
			const chosen = packages.map((name) => all.find((pack) => pack.name === name) ?? name);
			const unknown = chosen.filter((pack) => typeof pack === 'string');
			if (unknown.length)
				throw new Error(
					`pack:all wrote no tarball for ${unknown.join(', ')} (it wrote ${all.map((p) => p.name).join(', ')})`,
				);
			return Object.assign(chosen, {
				note: chosen
					.map((p) => `${p.name}-${p.version}.tgz, ${p.files} files, ${kB(p)}`)
					.join('; '),
			});
		},
	);
}

/** `n8n execute` one workflow; a failed run becomes a StepError naming the node and n8n's message. */
export async function runWorkflow(ctx, workflowId) {
	const { code, result, output } = await execute(ctx.folder, workflowId);
	const name = ctx.workflows?.find((wf) => wf.id === workflowId)?.name ?? workflowId;
	if (!result)
		throw new StepError(
			`n8n printed no execution for workflow "${name}" (exit code ${code}):\n${outputTail(output)}`,
		);
	if (result.status !== 'success' || code !== 0) {
		const error = result.data?.resultData?.error;
		const node = error?.node?.name ?? result.data?.resultData?.lastNodeExecuted;
		throw new StepError(
			`workflow "${name}" ended with status "${result.status}"${node ? ` in node "${node}"` : ''}: ${error?.message ?? 'see the log below'}`,
			[error?.description, outputTail(output, 8)].filter(Boolean).join('\n'),
		);
	}
	return result;
}

/**
 * Runs every imported example once, headless: under `n8n execute`, then the approval examples under
 * `n8n start` with the demo answering their emails. Returns { shopify, shopifyDistribute, exported, topUp,
 * dataTopUp, byId, fixture, emails, emailsById }.
 */
export async function runExamplesHeadless(ctx) {
	const byId = {};
	/** @type {Record<string, any[]>} */
	const emailsById = {};
	// Order matters: the export reads the orders the Shopify example bought.
	const order = [EXAMPLE_IDS.shopify, EXAMPLE_IDS.topUp, EXAMPLE_IDS.export];
	const workflows = [...ctx.workflows].sort((a, b) => rank(order, a.id) - rank(order, b.id));
	await prepareSandboxScenario(ctx);
	for (const wf of workflows) {
		if (!manualTriggerName(wf)) {
			info(`· "${wf.name}" starts from a trigger: imported, not run here (publish it under --ui)`);
			continue;
		}
		if (ctx.smtp && APPROVAL_EXAMPLE_IDS.includes(wf.id)) continue;
		const mailsBefore = ctx.smtp?.messages.length ?? 0;
		byId[wf.id] = await step(`Running "${wf.name}"`, async () => {
			const result = await runWorkflow(ctx, wf.id);
			return Object.assign(result, {
				note: `${Object.keys(result.data.resultData.runData).length} nodes ran`,
			});
		});
		// The emails each run sent, so each is checked against its own provider's eSIMs.
		if (ctx.smtp) emailsById[wf.id] = ctx.smtp.messages.slice(mailsBefore);
	}
	// After the Shopify example: the data top-up takes one of the eSIMs it bought.
	Object.assign(byId, await runApprovalExamples(ctx));
	return {
		shopify: byId[EXAMPLE_IDS.shopify],
		shopifyDistribute: byId[EXAMPLE_IDS.shopifyDistribute],
		exported: byId[EXAMPLE_IDS.export],
		topUp: byId[EXAMPLE_IDS.topUp],
		dataTopUp: byId[EXAMPLE_IDS.dataTopUp],
		byId,
		fixture: ctx.fixture,
		emails: ctx.smtp?.messages,
		emailsById,
	};
}

function rank(order, id) {
	const index = order.indexOf(id);
	return index < 0 ? order.length : index;
}

/**
 * Sandbox state that makes the examples interesting: the eSIM Distribute tenant starts with 1000 USD and
 * no orders, so the demo lowers its balance to 120 USD (below the top-up example's threshold). Both
 * providers get a history for the daily export of the previous UTC day: eSIMTrade 900 orders one every
 * 20 minutes (12½ days, 9 list pages, of which the export reads only the first few), eSIM Distribute 60
 * orders one an hour (both reach back over two days, whatever the time).
 * eSIMTrade's seeded orders must come before any bought one (its list keeps creation order).
 */
export async function prepareSandboxScenario(ctx) {
	// By node name: the package may be the combined one or a single-service one.
	const uses = (name) =>
		ctx.workflows.some((wf) =>
			packageNodeTypes(wf).some((type) => splitNodeType(type).name === name),
		);
	if (uses('esimTrade') && (await ctx.sandbox.admin.trade.orders()).length === 0)
		await ctx.sandbox.admin.trade.seedOrders(SEEDED_TRADE_ORDERS, { spacingMs: 20 * 60_000 });
	if (!uses('esimDistribute')) return;
	await ctx.sandbox.admin.distribute.setBalance(120);
	await ctx.sandbox.admin.distribute.seedOrders(60, { spacingMs: 60 * 60_000 });
}

/** How many history orders prepareSandboxScenario() seeds at eSIMTrade. */
export const SEEDED_TRADE_ORDERS = 900;

/** `--ui`: starts `n8n start` with an owner account. Returns { url, owner, server, client }. */
export async function startUi(ctx) {
	await prepareSandboxScenario(ctx);
	const server = await step('Starting n8n (n8n start)', async () => {
		const started = await startN8n(ctx.folder);
		return Object.assign(started, { note: started.url });
	});
	const client = await step('Creating the owner account', () => connect(server.url));
	return { url: server.url, owner: client.owner, server, client };
}

/** The `flatted` parser from n8n's own install (execution data read over REST comes in that form). */
export function flattedParse(paths) {
	return createRequire(join(paths.n8nModules, 'n8n', 'package.json'))('flatted').parse;
}
