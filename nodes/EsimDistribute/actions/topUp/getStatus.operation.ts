import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { fields, validateInput } from '../../../shared/input/validation';
import { distributeClient } from '../../transport/client';
import { topUpIdField } from './topUpId';

export const description: INodeProperties[] = [topUpIdField('getStatus')];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const { topUpId } = validateInput(
		this.getNode(),
		z.object({ topUpId: fields.recordId('3c9e1f2a-…') }),
		{ topUpId: this.getNodeParameter('topUpId', i, '') },
		{ topUpId: 'Top-Up ID' },
		i,
	);
	return [{ json: await distributeClient(this, i).topUpStatus(topUpId) }];
}
