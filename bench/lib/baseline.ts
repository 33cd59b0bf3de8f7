import { HttpCustomAuth } from 'n8n-nodes-base/dist/credentials/HttpCustomAuth.credentials';
import { HttpRequest } from 'n8n-nodes-base/dist/nodes/HttpRequest/HttpRequest.node';
import { NoOp } from 'n8n-nodes-base/dist/nodes/NoOp/NoOp.node';
import { SplitOut } from 'n8n-nodes-base/dist/nodes/Transform/SplitOut/SplitOut.node';
import {
	NodeConnectionTypes,
	type IConnections,
	type IDataObject,
	type INode,
	type INodeParameters,
} from 'n8n-workflow';

import { createHarness, runWorkflow, type Harness, type RunResult } from '../../test/harness/run';
import { SECRET } from '../../test/helpers/trade';

export const HTTP_TYPE = 'n8n-nodes-base.httpRequest';
export const SPLIT_OUT_TYPE = 'n8n-nodes-base.splitOut';
export const NOOP_TYPE = 'n8n-nodes-base.noOp';
/** The HTTP Request node version the baseline runs (n8n-nodes-base 2.40.2). */
export const HTTP_VERSION = 4.2;

/**
 * n8n's own nodes as a user without this package would wire them: HTTP Request
 * with a "Custom Auth" credential carrying eSIMTrade's two headers.
 */
export function baselineHarness(): Harness {
	return createHarness(
		{ [HTTP_TYPE]: new HttpRequest(), [SPLIT_OUT_TYPE]: new SplitOut(), [NOOP_TYPE]: new NoOp() },
		[new HttpCustomAuth()],
		{
			httpCustomAuth: {
				json: JSON.stringify({
					headers: { 'x-access-code': 'demo-access', 'x-secret-key': SECRET },
				}),
			},
		},
	);
}

/** An HTTP Request node (v4.2) authenticated with the Custom Auth credential. */
export function httpNode(name: string, parameters: IDataObject, x = 200): INode {
	return {
		id: name,
		name,
		type: HTTP_TYPE,
		typeVersion: HTTP_VERSION,
		position: [x, 0],
		parameters: {
			authentication: 'genericCredentialType',
			genericAuthType: 'httpCustomAuth',
			...parameters,
		} as INodeParameters,
		credentials: { httpCustomAuth: { id: 'cred-custom', name: 'eSIMTrade headers' } },
	};
}

export function otherNode(name: string, type: string, parameters: IDataObject, x = 400): INode {
	return {
		id: name,
		name,
		type,
		typeVersion: 1,
		position: [x, 0],
		parameters: parameters as INodeParameters,
	};
}

/** Runs Start → nodes[0] → nodes[1] → … on the given input items. */
export async function runChain(
	harness: Harness,
	nodes: INode[],
	input: IDataObject[] = [{}],
): Promise<RunResult> {
	const names = ['Start', ...nodes.map((node) => node.name)];
	const connections: IConnections = {};
	for (let i = 0; i + 1 < names.length; i++) {
		connections[names[i]] = {
			main: [[{ node: names[i + 1], type: NodeConnectionTypes.Main, index: 0 }]],
		};
	}
	return await runWorkflow(harness, nodes, connections, input);
}

/**
 * HTTP Request v4.2 reading every page of `/reseller/orders` as a user would set it up:
 * pagination updating `page` in each request, complete when a page has fewer
 * than `pageSize` orders; then Split Out on `orders` for one item per order.
 * Without `paginate`, one request for the first page.
 */
export function allOrdersChain(baseUrl: string, pageSize: number, paginate: boolean): INode[] {
	const pagination = {
		pagination: {
			pagination: {
				paginationMode: 'updateAParameterInEachRequest',
				parameters: { parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' }] },
				paginationCompleteWhen: 'other',
				completeExpression: `={{ $response.body.orders.length < ${pageSize} }}`,
			},
		},
	};
	return [
		httpNode('HTTP Request', {
			url: `${baseUrl}/reseller/orders`,
			sendQuery: true,
			queryParameters: { parameters: [{ name: 'pageSize', value: String(pageSize) }] },
			options: paginate ? pagination : {},
		}),
		otherNode('Split Out', SPLIT_OUT_TYPE, { fieldToSplitOut: 'orders', include: 'noOtherFields' }),
	];
}
