import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
	NodeHelpers,
	type INode,
	type INodeParameters,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { EsimDistribute } from '../../nodes/EsimDistribute/EsimDistribute.node';
import { EsimDistributeTrigger } from '../../nodes/EsimDistribute/EsimDistributeTrigger.node';
import { EsimTrade } from '../../nodes/EsimTrade/EsimTrade.node';
import { EsimTradeTrigger } from '../../nodes/EsimTrade/EsimTradeTrigger.node';
import { EsimTradeWebhookTrigger } from '../../nodes/EsimTrade/EsimTradeWebhookTrigger.node';

/**
 * The example workflows are what users copy. Every parameter they set must be one the node's description
 * still has and shows for the other values set, with an allowed value, so a renamed or hidden parameter
 * cannot silently drop out of a saved workflow.
 */
const NODES: Record<string, INodeType> = {
	esimDistribute: new EsimDistribute(),
	esimDistributeTrigger: new EsimDistributeTrigger(),
	esimTrade: new EsimTrade(),
	esimTradeTrigger: new EsimTradeTrigger(),
	esimTradeWebhookTrigger: new EsimTradeWebhookTrigger(),
};

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const isExpression = (value: unknown) => typeof value === 'string' && value.startsWith('=');

interface Finding {
	path: string;
	problem: string;
}

/** Values that an options or multiOptions parameter may not take, and nested keys a collection does not know. */
function checkValue(property: INodeProperties, value: unknown, path: string): Finding[] {
	if (value === undefined || isExpression(value)) return [];
	if (property.type === 'options' || property.type === 'multiOptions') {
		const allowed = new Set(
			(property.options ?? []).map((option) => ('value' in option ? option.value : undefined)),
		);
		// Options loaded from the provider at edit time (loadOptionsMethod) cannot be checked offline.
		if (property.typeOptions?.loadOptionsMethod) return [];
		const values = property.type === 'multiOptions' && Array.isArray(value) ? value : [value];
		return values
			.filter((v) => !isExpression(v) && !allowed.has(v as string))
			.map((v) => ({ path, problem: `value ${JSON.stringify(v)} is not one of its options` }));
	}
	if (property.type === 'collection' && value && typeof value === 'object') {
		const known = new Map(
			(property.options ?? []).map((option) => [option.name, option as INodeProperties]),
		);
		return Object.entries(value).flatMap(([key, inner]) => {
			const nested = known.get(key);
			if (!nested) return [{ path: `${path}.${key}`, problem: 'is not an option of the collection' }];
			return checkValue(nested, inner, `${path}.${key}`);
		});
	}
	return [];
}

function checkNode(node: INode, description: INodeTypeDescription): Finding[] {
	const shown = NodeHelpers.getNodeParameters(
		description.properties,
		node.parameters,
		true,
		false,
		node,
		description,
	) as INodeParameters;
	const findings: Finding[] = [];
	for (const [name, value] of Object.entries(node.parameters)) {
		// n8n adds Poll Times to every polling trigger when it loads the node type.
		if (name === 'pollTimes' && description.polling) continue;
		if (!(name in shown)) {
			findings.push({ path: name, problem: 'is not a parameter the node shows for these values' });
			continue;
		}
		const property = description.properties.find(
			(p) =>
				p.name === name &&
				NodeHelpers.displayParameter(node.parameters, p, node, description),
		);
		if (property) findings.push(...checkValue(property, value, name));
	}
	return findings;
}

const files = readdirSync(EXAMPLES).filter((file) => file.endsWith('.json'));

describe('every example sets only parameters the nodes have', () => {
	it('finds the examples and their package nodes', () => {
		const count = files
			.map((file) => JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')) as { nodes: INode[] })
			.flatMap((wf) => wf.nodes)
			.filter((node) => node.type.startsWith('n8n-nodes-esim.')).length;
		expect(files.length).toBeGreaterThanOrEqual(8);
		expect(count).toBeGreaterThanOrEqual(15);
	});

	for (const file of files) {
		it(file, () => {
			const workflow = JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')) as { nodes: INode[] };
			const findings: string[] = [];
			for (const node of workflow.nodes) {
				if (!node.type.startsWith('n8n-nodes-esim.')) continue;
				const type = NODES[node.type.slice('n8n-nodes-esim.'.length)];
				if (!type) {
					findings.push(`${node.name}: unknown node type ${node.type}`);
					continue;
				}
				const versions = ([] as number[]).concat(type.description.version);
				if (!versions.includes(node.typeVersion))
					findings.push(`${node.name}: typeVersion ${node.typeVersion} is not one of ${versions}`);
				for (const f of checkNode(node, type.description))
					findings.push(`${node.name}: ${f.path} ${f.problem}`);
			}
			expect(findings).toEqual([]);
		});
	}
});
