import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { pollTrade } from './trigger';
import { triggerProperties } from './trigger/description';

export class EsimTradeTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'eSIMTrade Trigger',
		name: 'esimTradeTrigger',
		icon: { light: 'file:esimTrade.svg', dark: 'file:esimTrade.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] }}',
		description:
			'Starts the workflow when eSIMTrade orders or eSIMs change, or the wallet runs low',
		defaults: { name: 'eSIMTrade Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'esimTradeApi', required: true }],
		properties: triggerProperties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollTrade(this);
	}
}
