import {
	NodeOperationError,
	type IExecuteFunctions,
	type INodePropertyOptions,
	type INodeProperties,
} from 'n8n-workflow';

import type { ItemOperation } from './execute';

/** One operation module: what runs for an item, and the operation's own fields. */
export interface OperationModule {
	execute: ItemOperation;
	description: INodeProperties[];
}

/** An entry of the Operation selector whose value must name one of the resource's operation modules. */
export type OperationOption<O> = INodePropertyOptions & { value: keyof O & string; action: string };

/**
 * The Operation selector for one resource, followed by every operation's own fields. Each option's value is
 * checked against the operation modules at compile time, so an option without an `execute` does not build.
 */
export function operationSelector<O extends Record<string, OperationModule>>(
	resource: string,
	operations: O,
	options: Array<OperationOption<O>>,
	defaultOperation: keyof O & string,
): INodeProperties[] {
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource] } },
			options,
			default: defaultOperation,
		},
		...Object.values(operations).flatMap((operation) => operation.description),
	];
}

/** A resource module: its operations (each exporting `execute`) and its fields. */
export interface ResourceModule {
	operations: Record<string, OperationModule>;
	description: INodeProperties[];
}

/**
 * The Resource selector plus every resource's fields, and the function that
 * picks the operation for an item. `resources` and the Resource options are checked at compile time, and each
 * resource builds its Operation options with `operationSelector`, which checks them against its operation modules.
 */
export function createRouter<R extends Record<string, ResourceModule>>(
	resources: R,
	options: Array<INodePropertyOptions & { value: keyof R & string }>,
	defaultResource: keyof R & string,
): {
	properties: INodeProperties[];
	route: (ctx: IExecuteFunctions, itemIndex: number) => ItemOperation;
} {
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
		const found = (resources as Record<string, ResourceModule | undefined>)[resource]?.operations[
			operation
		];
		if (!found) {
			throw new NodeOperationError(
				ctx.getNode(),
				`The operation "${operation}" of "${resource}" is not supported`,
				{
					itemIndex,
				},
			);
		}
		return found.execute;
	};
	return { properties, route };
}
