import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { EsimDistribute } from '../../../nodes/EsimDistribute/EsimDistribute.node';
import { EsimTrade } from '../../../nodes/EsimTrade/EsimTrade.node';
import { route as distributeRoute } from '../../../nodes/EsimDistribute/actions/router';
import { route as tradeRoute } from '../../../nodes/EsimTrade/actions/router';

type Route = typeof tradeRoute;

/** Every (resource, operation) pair the node's UI offers. */
function offeredOperations(node: INodeType): Array<[string, string]> {
	const properties = node.description.properties as INodeProperties[];
	const resources = (properties.find((p) => p.name === 'resource')?.options ??
		[]) as INodePropertyOptions[];
	const pairs: Array<[string, string]> = [];
	for (const resource of resources) {
		const selector = properties.find(
			(p) =>
				p.name === 'operation' &&
				p.displayOptions?.show?.resource?.includes(resource.value as string),
		);
		expect(selector).toBeDefined();
		for (const option of (selector?.options ?? []) as INodePropertyOptions[])
			pairs.push([resource.value as string, option.value as string]);
	}
	return pairs;
}

/** Calls the router as the node does, with a context that only answers the two parameters it reads. */
function resolve(route: Route, resource: string, operation: string) {
	const ctx = {
		getNodeParameter: (name: string) => (name === 'resource' ? resource : operation),
		getNode: () => ({ name: 'test' }),
	} as unknown as Parameters<Route>[0];
	return route(ctx, 0);
}

describe.each([
	['EsimTrade', new EsimTrade(), tradeRoute],
	['EsimDistribute', new EsimDistribute(), distributeRoute],
])('%s operations', (folder, node, route) => {
	const pairs = offeredOperations(node);

	it('offers exactly the operations that have a file under actions/<resource>/', () => {
		const actions = join(__dirname, '..', '..', '..', 'nodes', folder as string, 'actions');
		const files = readdirSync(actions, { withFileTypes: true })
			.filter((entry) => entry.isDirectory())
			.flatMap((dir) =>
				readdirSync(join(actions, dir.name))
					.filter((file) => file.endsWith('.operation.ts'))
					.map((file) => `${dir.name}/${file.replace('.operation.ts', '')}`),
			);
		const offered = pairs.map(([resource, operation]) => `${resource}/${operation}`);
		expect(offered.sort()).toEqual(files.sort());
	});

	it.each(pairs)('%s → %s has an execute', (resource, operation) => {
		expect(typeof resolve(route as Route, resource, operation)).toBe('function');
	});

	it('refuses an operation the UI does not offer, naming it', () => {
		expect(() => resolve(route as Route, pairs[0][0], 'getManny')).toThrow(/"getManny"/);
	});
});
