import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { pollDistribute } from './trigger';
import { triggerProperties } from './trigger/description';

export class EsimDistributeTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'eSIM Distribute Trigger',
		name: 'esimDistributeTrigger',
		icon: { light: 'file:esimDistribute.svg', dark: 'file:esimDistribute.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] }}',
		description:
			'Starts the workflow when eSIM Distribute orders change or the credit balance runs low',
		defaults: { name: 'eSIM Distribute Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'esimDistributeApi', required: true }],
		properties: triggerProperties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollDistribute(this);
	}
}
