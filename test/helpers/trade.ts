import type { IDataObject, INode, INodeParameters, INodeType } from 'n8n-workflow';

import { EsimTradeApi } from '../../credentials/EsimTradeApi.credentials';
import { EsimTrade } from '../../nodes/EsimTrade/EsimTrade.node';
import { EsimTradeTrigger } from '../../nodes/EsimTrade/EsimTradeTrigger.node';
import { startSandbox, type Sandbox, type StartOptions } from '../../sandbox';
import { createHarness, runNode, type Harness } from '../harness/run';

export const TRADE_TYPE = 'n8n-nodes-esim.esimTrade';
export const TRADE_TRIGGER_TYPE = 'n8n-nodes-esim.esimTradeTrigger';
export const SECRET = 'demo-secret';

export interface TradeFixture {
	sandbox: Sandbox;
	harness: Harness;
	/** Runs Start → eSIMTrade with these parameters on these input items. */
	run(
		parameters: IDataObject,
		input?: IDataObject[],
		node?: Partial<INode>,
	): ReturnType<typeof runNode>;
	close(): Promise<void>;
}

/**
 * A harness with the eSIMTrade node, its trigger and the demo credential pointing at `baseUrl`;
 * `types` replaces the node classes (e.g. with the compiled ones).
 */
export function tradeHarness(
	baseUrl: string,
	credentials: IDataObject = {},
	types: { node: INodeType; trigger: INodeType } = {
		node: new EsimTrade(),
		trigger: new EsimTradeTrigger(),
	},
): Harness {
	return createHarness(
		{ [TRADE_TYPE]: types.node, [TRADE_TRIGGER_TYPE]: types.trigger },
		[new EsimTradeApi()],
		{
			esimTradeApi: { accessCode: 'demo-access', secretKey: SECRET, baseUrl, ...credentials },
		},
	);
}

/** Runs Start → eSIMTrade with these parameters on these input items. */
export async function runTrade(
	harness: Harness,
	parameters: IDataObject,
	input: IDataObject[] = [{}],
	node: Partial<INode> = {},
): ReturnType<typeof runNode> {
	return await runNode(
		harness,
		{
			name: 'eSIMTrade',
			type: TRADE_TYPE,
			parameters: parameters as INodeParameters,
			credentials: { esimTradeApi: { id: 'cred-trade', name: 'eSIMTrade account' } },
			...node,
		},
		input,
	);
}

export async function tradeFixture(
	options: StartOptions = {},
	credentials: IDataObject = {},
): Promise<TradeFixture> {
	const sandbox = await startSandbox({ port: 0, ...options });
	const harness = tradeHarness(sandbox.tradeBaseUrl, credentials);
	return {
		sandbox,
		harness,
		run: async (parameters, input = [{}], node = {}) =>
			await runTrade(harness, parameters, input, node),
		close: async () => await sandbox.close(),
	};
}

/** A plan picked from the list, as the editor stores it. */
export const plan = (slug: string) => ({ __rl: true, mode: 'list', value: slug });

/** Purchases the sandbox received (after any fault), by path. */
export function requestsTo(sandbox: Sandbox, method: string, path: string): number {
	return sandbox.log.count({ method, path: `/api/v1${path}` });
}
