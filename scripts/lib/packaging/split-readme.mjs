// README of a single-service package: the hand-written `packaging/<name>/README.md` with its
// generated blocks (`<!-- generated:<block> -->` … `<!-- /generated:<block> -->`) filled from the
// compiled node and credential descriptions and from the example workflows in `examples/`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Instantiates the class a compiled entry file is named after (`EsimTrade.node.js` → `EsimTrade`). */
export function loadEntry(root, entry) {
	const className = basename(entry).split('.')[0];
	const Type = require(join(root, entry))[className];
	if (typeof Type !== 'function') throw new Error(`${entry} does not export a class named ${className}`);
	return new Type();
}

const cell = (text) => String(text ?? '').replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
const sentence = (text) => (cell(text) && !/[.!?)]$/.test(cell(text)) ? `${cell(text)}.` : cell(text));

function operationRows(properties) {
	const resource = properties.find((p) => p.name === 'resource');
	const rows = ['| Resource | Operation | What it does |', '|---|---|---|'];
	for (const r of resource?.options ?? []) {
		const ops = properties.filter((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(r.value));
		for (const o of ops.flatMap((p) => p.options ?? [])) rows.push(`| ${cell(r.name)} | ${cell(o.name)} | ${cell(o.description)} |`);
	}
	return rows;
}

function eventRows(node) {
	const events =
		node.properties.find((p) => (p.type === 'options' || p.type === 'multiOptions') && p.noDataExpression) ?? node.properties.find((p) => p.type === 'options');
	const rows = [`| ${cell(node.displayName)}: ${cell(events?.displayName ?? 'Event')} | What starts the workflow |`, '|---|---|'];
	for (const o of events?.options ?? []) rows.push(`| ${cell(o.name)} | ${cell(o.description)} |`);
	return rows;
}

/** Operations of the action nodes and events of the trigger nodes, as markdown tables. */
export function operationsBlock(nodes) {
	const parts = [];
	for (const { description } of nodes) {
		const isTrigger = description.group?.includes('trigger');
		parts.push(`**${description.displayName}** — ${cell(description.description)}.`, '');
		parts.push(...(isTrigger ? eventRows(description) : operationRows(description.properties)), '');
	}
	return parts.join('\n').trim();
}

/** The fields of each credential, secrets marked. */
export function credentialsBlock(credentials) {
	const parts = [];
	for (const credential of credentials) {
		parts.push(`**${credential.displayName}** credential:`, '', '| Field | Description |', '|---|---|');
		for (const p of credential.properties.filter((f) => f.type !== 'hidden' && f.type !== 'notice')) {
			const secret = p.typeOptions?.password ? ' Stored encrypted and masked in the editor.' : '';
			const fallback = p.default ? ` Default: \`${p.default}\`.` : '';
			parts.push(`| ${cell(p.displayName)}${p.required ? ' (required)' : ''} | ${sentence(p.description)}${fallback}${secret} |`);
		}
		parts.push('');
	}
	return parts.join('\n').trim();
}

/** First sentence-like line of a workflow's first sticky note, without markdown. */
function summaryOf(workflow) {
	const sticky = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.stickyNote');
	const line = String(sticky?.parameters?.content ?? '')
		.split('\n')
		.map((l) => l.trim())
		.find((l) => l && !l.startsWith('#'));
	return line ? line.replace(/\*\*|`/g, '').replace(/:$/, '.') : '';
}

/**
 * The example workflows that use the provider's nodes (type `<combinedName>.<nodeName>`), linked
 * to the repository, with the node-type rename this package needs on import.
 */
export function examplesBlock({ root, web, combinedName, packageName, nodeNames, otherNodeNames }) {
	const dir = join(root, 'examples');
	const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
	const lines = [];
	for (const file of files) {
		const workflow = JSON.parse(readFileSync(join(dir, file), 'utf8'));
		const types = new Set((workflow.nodes ?? []).map((n) => n.type));
		if (!nodeNames.some((n) => types.has(`${combinedName}.${n}`))) continue;
		const mixed = otherNodeNames.some((n) => types.has(`${combinedName}.${n}`));
		const note = mixed ? ' It also uses the other provider of the combined package; delete those nodes if you only use this one.' : '';
		lines.push(`- [${cell(workflow.name)}](${web}/blob/main/examples/${file}): ${cell(summaryOf(workflow))}${note}`);
	}
	if (!lines.length) return 'No example workflow uses these nodes yet.';
	return [
		...lines,
		'',
		`The files are written for the combined package \`${combinedName}\`. To import one with this package installed, replace \`"${combinedName}.\` with \`"${packageName}.\` in the file first (the node types of this package are \`${packageName}.${nodeNames[0]}\` and so on).`,
	].join('\n');
}

/** Replaces each generated block of the template with its new content; throws when a block is missing. */
export function fillBlocks(template, blocks, source) {
	let text = template;
	for (const [name, content] of Object.entries(blocks)) {
		const pattern = new RegExp(`(<!-- generated:${name} -->)[\\s\\S]*?(<!-- /generated:${name} -->)`);
		if (!pattern.test(text)) throw new Error(`${source} has no <!-- generated:${name} --> … <!-- /generated:${name} --> block`);
		text = text.replace(pattern, (_, open, close) => `${open}\n${content}\n${close}`);
	}
	return text;
}
