import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { z } from 'zod';

import { locator, qrImageField } from '../../../shared/fields/descriptions';
import { fields, validateInput } from '../../../shared/input/validation';
import { tradeClient } from '../../transport/client';
import { tradeSimplifyToggle, STATUS_FIELDS } from '../../output/simplify';
import { outputShape, pick } from '../../../shared/fields/simplify';
import { activationItems } from './fulfilment';

const show = { resource: ['order'], operation: ['getStatus'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Look Up By',
		name: 'lookupBy',
		type: 'options',
		options: [
			{ name: 'Order Number', value: 'orderNo' },
			{ name: 'ICCID', value: 'iccid' },
		],
		default: 'orderNo',
		displayOptions: { show },
		description:
			'Looking up by order number also refreshes the status eSIMTrade keeps for the order',
	},
	locator({
		displayName: 'Order',
		name: 'orderNo',
		searchListMethod: 'searchOrders',
		idLabel: 'By Order Number',
		placeholder: 'e.g. B26022703140001',
		hint: 'The eSIMTrade order number (providerOrderNo in Order → Get Many)',
		description:
			'The order to look up: pick one of the newest orders, search by number or plan, or type or map its number',
		show: { ...show, lookupBy: ['orderNo'] },
	}),
	{
		displayName: 'ICCID',
		name: 'iccid',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 8948010000095399804',
		displayOptions: { show: { ...show, lookupBy: ['iccid'] } },
	},
	{
		...qrImageField(
			'none',
			'Whether to add the QR code as a PNG in the binary field "qrCode" when the eSIM is issued',
		),
		displayOptions: { show },
	},
	...tradeSimplifyToggle(show, 'the status, activation details and data of each eSIM'),
];

const schema = z.union([
	z.object({
		lookupBy: z.literal('orderNo'),
		orderNo: z
			.string()
			.trim()
			.min(1, 'is required')
			.max(64)
			.regex(/^[A-Za-z0-9_-]+$/, 'must be an eSIMTrade order number such as B26022703140001'),
	}),
	z.object({ lookupBy: z.literal('iccid'), iccid: fields.iccid() }),
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const lookupBy = this.getNodeParameter('lookupBy', i) as string;
	const value = String(
		this.getNodeParameter(lookupBy === 'iccid' ? 'iccid' : 'orderNo', i, '', {
			extractValue: true,
		}) ?? '',
	);
	const input = validateInput(
		this.getNode(),
		schema,
		{ lookupBy, [lookupBy]: value },
		{ orderNo: 'Order', iccid: 'ICCID' },
		i,
	);
	const qs = 'iccid' in input ? { iccid: input.iccid } : { orderno: input.orderNo };
	const subject = 'iccid' in input ? `eSIM with ICCID ${input.iccid}` : `order ${input.orderNo}`;
	const { data } = await tradeClient(this, i).syncOrder(qs, { hints: { subject } });
	const order: IDataObject = {
		...data,
		orderNo: data.orderNo ?? ('orderNo' in input ? input.orderNo : undefined),
	};
	const items = await activationItems(this, order, data, {
		qrImage: this.getNodeParameter('qrImage', i, 'none') as 'none',
		binaryProperty: 'qrCode',
		itemIndex: i,
	});
	const shape = outputShape(this, i, (row) => pick(row, STATUS_FIELDS));
	return items.map((item) => ({ ...item, json: shape(item.json) }));
}
