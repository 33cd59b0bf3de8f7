import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import { EsimDistributeApi } from '../../credentials/EsimDistributeApi.credentials';
import { EsimDistribute } from '../../nodes/EsimDistribute/EsimDistribute.node';
import { createHarness, runNode, type Harness } from '../../test/harness/run';
import { runTrade, tradeHarness } from '../../test/helpers/trade';

/** Secret values of the credentials below: none may ever reach another host or anything the node emits. */
export const TRADE_SECRET = 'trade-secret-Zq81Xk2';
export const ACCESS_CODE = 'trade-access-77';
export const PASSWORD = 'distribute-pass-Wm4Lr9';
export const EMAIL = 'ops@example.com';
/** The session token the hostile eSIM Distribute servers hand out at sign-in. */
export const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJob3N0aWxlIn0.c2lnbmF0dXJlLXZhbHVl';

const DISTRIBUTE_TYPE = 'n8n-nodes-esim.esimDistribute';

export interface NodeAt {
	harness: Harness;
	run(
		parameters: IDataObject,
		input?: IDataObject[],
		node?: Partial<INode>,
	): ReturnType<typeof runNode>;
}

/** The eSIMTrade node with a credential whose Base URL is `baseUrl`. */
export function tradeAt(baseUrl: string): NodeAt {
	const harness = tradeHarness(baseUrl, { accessCode: ACCESS_CODE, secretKey: TRADE_SECRET });
	return {
		harness,
		run: async (parameters, input, node) => await runTrade(harness, parameters, input, node),
	};
}

/** The eSIM Distribute node with a credential whose Base URL is `baseUrl` (not signed in yet). */
export function distributeAt(baseUrl: string): NodeAt {
	const harness = createHarness(
		{ [DISTRIBUTE_TYPE]: new EsimDistribute() },
		[new EsimDistributeApi()],
		{
			esimDistributeApi: { email: EMAIL, password: PASSWORD, baseUrl, sessionToken: '' },
		},
	);
	return {
		harness,
		run: async (parameters, input = [{}], node = {}) =>
			await runNode(
				harness,
				{
					name: 'eSIM Distribute',
					type: DISTRIBUTE_TYPE,
					parameters: parameters as INodeParameters,
					credentials: {
						esimDistributeApi: { id: 'cred-distribute', name: 'eSIM Distribute account' },
					},
					...node,
				},
				input,
			),
	};
}

/** An eSIMTrade Create Order of one ES_3_30, without waiting for fulfilment. */
export const TRADE_ORDER = {
	resource: 'order',
	operation: 'create',
	plan: { __rl: true, mode: 'list', value: 'ES_3_30' },
	quantity: 1,
	waitForFulfilment: false,
};

/** A one-line eSIM Distribute checkout of plan `plan-1` for `email`. */
export function checkoutOf(email = 'buyer@example.com', extra: IDataObject = {}): IDataObject {
	return {
		resource: 'order',
		operation: 'checkout',
		itemsInput: 'json',
		itemsJson: JSON.stringify([{ planId: 'plan-1', quantity: 1 }]),
		email,
		customerName: 'Test Customer',
		waitForFulfilment: false,
		...extra,
	};
}

/** Every secret value that occurs in `text`, by name. */
export function secretsIn(text: string): string[] {
	const secrets: Record<string, string> = { TRADE_SECRET, PASSWORD, TOKEN };
	return Object.entries(secrets)
		.filter(([, value]) => text.includes(value) || text.includes(encodeURIComponent(value)))
		.map(([name]) => name);
}
