import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { fields, validateInput } from '../../../shared/input/validation';
import { tradeClient } from '../../transport/client';

const show = { resource: ['account'], operation: ['setWebhook'] };

const portalOnly = {
	message:
		'eSIMTrade only accepts webhook changes from a signed-in reseller portal session, not from API keys',
	description:
		'Set the webhook URL in the eSIMTrade reseller portal (Settings → Webhooks). To react to order changes from n8n without a webhook, use the eSIMTrade Trigger node.',
};

export const description: INodeProperties[] = [
	{
		displayName:
			'eSIMTrade documents this route for portal sessions only: with API keys it is refused, and the node then tells you to set the URL in the reseller portal.',
		name: 'portalNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Webhook URL',
		name: 'webhookUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/webhooks/esimtrade',
		displayOptions: { show },
		description: 'Where eSIMTrade sends order, top-up and refund events',
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const { webhookUrl } = validateInput(
		this.getNode(),
		z.object({ webhookUrl: fields.httpsUrl() }),
		{ webhookUrl: this.getNodeParameter('webhookUrl', i) },
		{ webhookUrl: 'Webhook URL' },
		i,
	);
	const body = await tradeClient(this, i).setWebhook(webhookUrl, {
		hints: { byStatus: { 401: portalOnly, 403: portalOnly } },
	});
	return [{ json: body }];
}
