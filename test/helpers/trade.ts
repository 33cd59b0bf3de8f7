import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

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
	run(parameters: IDataObject, input?: IDataObject[], node?: Partial<INode>): ReturnType<typeof runNode>;
	close(): Promise<void>;
}

export async function tradeFixture(options: StartOptions = {}, credentials: IDataObject = {}): Promise<TradeFixture> {
	const sandbox = await startSandbox({ port: 0, ...options });
	const harness = createHarness({ [TRADE_TYPE]: new EsimTrade(), [TRADE_TRIGGER_TYPE]: new EsimTradeTrigger() }, [new EsimTradeApi()], {
		esimTradeApi: { accessCode: 'demo-access', secretKey: SECRET, baseUrl: sandbox.tradeBaseUrl, ...credentials },
	});
	return {
		sandbox,
		harness,
		run: async (parameters, input = [{}], node = {}) =>
			await runNode(
				harness,
				{
					name: 'eSIMTrade',
					type: TRADE_TYPE,
					parameters: parameters as INodeParameters,
					credentials: { esimTradeApi: { id: 'cred-trade', name: 'eSIMTrade account' } },
					...node,
				},
				input,
			),
		close: async () => await sandbox.close(),
	};
}

/** A plan picked from the list, as the editor stores it. */
export const plan = (slug: string) => ({ __rl: true, mode: 'list', value: slug });

/** Purchases the sandbox received (after any fault), by path. */
export function requestsTo(sandbox: Sandbox, method: string, path: string): number {
	return sandbox.log.count({ method, path: `/api/v1${path}` });
}
