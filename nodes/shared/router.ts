import {
	NodeOperationError,
	type IExecuteFunctions,
	type INodePropertyOptions,
	type INodeProperties,
} from 'n8n-workflow';

import type { ItemOperation } from './execute';

/** A resource module: its operations (each exporting `execute`) and its fields. */
export interface ResourceModule {
	operations: Record<string, { execute: ItemOperation }>;
	description: INodeProperties[];
}

/**
 * The Resource selector plus every resource's fields, and the function that
 * picks the operation for an item. `resources` is checked at compile time, so a
 * resource without its operations does not build.
 */
export function createRouter<R extends Record<string, ResourceModule>>(
	resources: R,
	options: Array<INodePropertyOptions & { value: keyof R & string }>,
	defaultResource: keyof R & string,
): { properties: INodeProperties[]; route: (ctx: IExecuteFunctions, itemIndex: number) => ItemOperation } {
	const properties: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options,
			default: defaultResource,
		},
		...Object.values(resources).flatMap((resource) => resource.description),
	];
	const route = (ctx: IExecuteFunctions, itemIndex: number): ItemOperation => {
		const resource = ctx.getNodeParameter('resource', itemIndex) as string;
		const operation = ctx.getNodeParameter('operation', itemIndex) as string;
		const found = (resources as Record<string, ResourceModule | undefined>)[resource]?.operations[operation];
		if (!found) {
			throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" of "${resource}" is not supported`, {
				itemIndex,
			});
		}
		return found.execute;
	};
	return { properties, route };
}
