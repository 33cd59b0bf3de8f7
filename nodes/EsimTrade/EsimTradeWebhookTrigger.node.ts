import {
	NodeConnectionTypes,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { webhookTriggerProperties } from './webhook/description';
import { handleDelivery } from './webhook/handle';

export class EsimTradeWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'eSIMTrade Webhook Trigger',
		name: 'esimTradeWebhookTrigger',
		icon: { light: 'file:esimTrade.svg', dark: 'file:esimTrade.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["events"].join(", ") }}',
		description:
			'Starts the workflow the moment eSIMTrade reports an order, status change, top-up or refund',
		defaults: { name: 'eSIMTrade Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'esimTradeApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: webhookTriggerProperties,
	};

	/**
	 * The webhook URL is set in the eSIMTrade reseller portal (the API keys cannot
	 * set it), so activating or deactivating the workflow changes nothing at eSIMTrade.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleDelivery(this);
	}
}
