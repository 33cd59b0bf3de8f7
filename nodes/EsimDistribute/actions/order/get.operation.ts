import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { z } from 'zod';

import type { QrImageMode } from '../../../shared/esim/activation';
import { esimItems } from '../../../shared/esim/items';
import { qrBinaryField, qrImageField } from '../../../shared/fields/descriptions';
import { fields, validateInput } from '../../../shared/input/validation';
import { locatorValue, orderLocator } from '../../descriptions/locators';
import { distributeClient } from '../../transport/client';

const show = { resource: ['order'], operation: ['get'] };

export const description: INodeProperties[] = [
	orderLocator(show),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [qrBinaryField, qrImageField('render')],
	},
];

const schema = z.object({ orderId: fields.recordId('7d2f4c1a-9e3b-…') });

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const { orderId } = validateInput(
		this.getNode(),
		schema,
		{ orderId: locatorValue(this.getNodeParameter('order', i, '')) },
		{ orderId: 'Order' },
		i,
	);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const order = await distributeClient(this, i).order(orderId, {
		hints: { subject: `order ${orderId}` },
	});
	const { esims, ...rest } = order;
	const list = Array.isArray(esims) && esims.length ? (esims as IDataObject[]) : [order];
	return await esimItems(this, rest, list, {
		qrImage: (options.qrImage as QrImageMode | undefined) ?? 'render',
		binaryProperty: String(options.binaryProperty ?? 'qrCode'),
		status: order.status,
		provider: 'eSIM Distribute',
		itemIndex: i,
	});
}
