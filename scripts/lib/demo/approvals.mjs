// Human approval in a running n8n, answered the way a person would: the example workflows started by a
// webhook (a production run, as their schedule or trigger would start them), their Send and Wait emails
// read from the SMTP sink, and the links in them opened over HTTP (Approve / Decline, or the form GET
// then POST). Used by the demo (which answers the approvals itself) and by the e2e suite.
import { randomUUID } from 'node:crypto';
import { importJson, publishWorkflow, startN8n } from '../n8n/n8n-cli.mjs';
import { connect } from '../n8n/n8n-rest.mjs';
import { flattedParse } from './demo-run.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** A desktop browser (n8n ignores approval links opened by bots and link previews). */
const BROWSER =
	'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
/** n8n listens on 127.0.0.1; the links it sends name localhost. */
const local = (url) => url.replace('//localhost:', '//127.0.0.1:');

/**
 * A copy of an imported example that starts from a webhook at `/webhook/<id>` instead of its "Run now"
 * manual trigger (same name, same connections); its other triggers are disabled. `change` edits the copy.
 * @param {(wf: any) => void} [change]
 */
export function webhookVariant(ctx, exampleId, id, change) {
	const wf = structuredClone(ctx.workflows.find((w) => w.id === exampleId));
	wf.id = id;
	wf.name = `${wf.name} [${id}]`;
	for (const node of wf.nodes) {
		if (node.name === 'Run now')
			Object.assign(node, {
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				webhookId: randomUUID(),
				parameters: { path: id, responseMode: 'onReceived', options: {} },
			});
		else if (/trigger/i.test(node.type)) node.disabled = true;
	}
	change?.(wf);
	return wf;
}

/** Sets values of a workflow's Settings node. */
export function setSettings(wf, values) {
	const assignments = wf.nodes.find((n) => n.name === 'Settings').parameters.assignments
		.assignments;
	for (const [name, value] of Object.entries(values)) {
		const found = assignments.find((a) => a.name === name);
		if (!found) throw new Error(`Settings of "${wf.name}" has no ${name}`);
		found.value = value;
	}
}

/**
 * Imports and publishes the variants (and the already imported workflows `alsoPublish`, e.g. the error
 * workflow: n8n 2.x runs only a published one), then starts n8n. Resolves { server, client, port }.
 */
export async function startWithVariants(ctx, variants, alsoPublish = []) {
	await importJson(ctx.folder, 'workflow', variants, 'approval-variants.json');
	for (const id of [...variants.map((wf) => wf.id), ...alsoPublish])
		await publishWorkflow(ctx.folder, id);
	const service = {};
	await restart(ctx, service);
	return service;
}

/** (Re)starts n8n on the same port (so the links already sent still point at it) and logs in. */
export async function restart(ctx, service) {
	if (service.server) await service.server.stop();
	service.server = await startN8n(ctx.folder, service.port ? { port: service.port } : {});
	service.port = service.server.port;
	service.client = await connect(service.server.url);
}

/** Starts the variant through its webhook and resolves the new execution's id. */
export async function startRun(service, workflowId) {
	const ids = async () => (await service.client.executions(workflowId)).map((e) => String(e.id));
	const before = new Set(await ids());
	// n8n activates the published workflows after it reports ready: until then their webhooks answer 404.
	const deadline = Date.now() + 60_000;
	for (;;) {
		const res = await fetch(`http://127.0.0.1:${service.port}/webhook/${workflowId}`);
		await res.text();
		if (res.status === 200) break;
		if (res.status !== 404 || Date.now() > deadline)
			throw new Error(
				`the webhook of ${workflowId} answered HTTP ${res.status}\n${String(
					service.server.log() ?? '',
				)
					.split('\n')
					.slice(-30)
					.join('\n')}`,
			);
		await sleep(500);
	}
	for (;;) {
		const fresh = (await ids()).filter((id) => !before.has(id));
		if (fresh.length) return fresh[0];
		if (Date.now() > deadline) throw new Error(`no execution of ${workflowId} started`);
		await sleep(300);
	}
}

/** Waits until the execution's status is one of `statuses` (default: finished) and returns it, data parsed. */
export async function executionIn(
	ctx,
	service,
	id,
	statuses = ['success', 'error', 'crashed', 'canceled'],
	timeoutMs = 120_000,
) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const ex = await service.client.execution(id, flattedParse(ctx.paths));
		if (statuses.includes(ex.status)) return ex;
		if (Date.now() > deadline)
			throw new Error(`execution ${id} is "${ex.status}", not ${statuses.join('/')}`);
		await sleep(400);
	}
}

/**
 * Waits until the execution waits at `node` (its email can arrive a moment before n8n has stored the
 * execution as waiting; a link opened before that answers 409).
 */
export async function waitingAt(ctx, service, id, node, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const ex = await service.client.execution(id, flattedParse(ctx.paths));
		if (ex.status === 'waiting' && ex.data.resultData.lastNodeExecuted === node) return ex;
		if (Date.now() > deadline)
			throw new Error(`execution ${id} is "${ex.status}", not waiting at "${node}"`);
		await sleep(300);
	}
}

/** The next email (after the first `from` messages) whose subject matches; waits up to `timeoutMs`. */
export async function nextEmail(ctx, from, subject, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const later = ctx.smtp.messages.slice(from);
		const found = later.find((m) => subject.test(m.subject));
		if (found) return found;
		if (Date.now() > deadline)
			throw new Error(
				`no email matching ${subject} arrived (got: ${later.map((m) => m.subject).join(' | ')})`,
			);
		await sleep(200);
	}
}

/** The buttons of a Send and Wait email: label → link. */
export function buttonsOf(message) {
	/** @type {Record<string, string>} */
	const links = {};
	for (const m of String(message.html).matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g))
		links[m[2].trim()] = m[1].replace(/&amp;/g, '&');
	return links;
}

/** Opens a link as a browser does (GET); resolves { status, body }. */
export async function openLink(url) {
	const res = await fetch(local(url), { headers: { 'user-agent': BROWSER, accept: 'text/html' } });
	return { status: res.status, body: await res.text() };
}

/**
 * Opens a form link (GET, which must show the form), then submits it (POST, multipart) with `fields` in
 * order. Resolves the POST's HTTP status.
 */
export async function submitForm(url, fields) {
	const page = await openLink(url);
	if (page.status !== 200 || !page.body.includes('field-0'))
		throw new Error(`the form at ${url} did not open (HTTP ${page.status})`);
	const form = new FormData();
	fields.forEach((value, i) => form.append(`field-${i}`, value));
	const res = await fetch(local(url), {
		method: 'POST',
		headers: { 'user-agent': BROWSER },
		body: form,
	});
	await res.text();
	return res.status;
}

/** `[json, …]` of a node's output in an execution read over REST (first output). */
export function outOf(ex, node, run = 0) {
	return (ex.data.resultData.runData[node]?.[run]?.data?.main?.[0] ?? []).map((i) => i.json);
}

/** The decision an approval example ended with: the `decision` of whichever decision node ran. */
export function decisionOf(ex) {
	for (const runs of Object.values(ex.data.resultData.runData)) {
		const json = runs.at(-1)?.data?.main?.[0]?.[0]?.json;
		if (json && typeof json.decision === 'string') return json.decision;
	}
	return undefined;
}
