import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { EsimDistributeApi } from '../../credentials/EsimDistributeApi.credentials';
import { EsimDistribute } from '../../nodes/EsimDistribute/EsimDistribute.node';
import { createHarness, runNode } from '../../test/harness/run';
import { DISTRIBUTE_TYPE, EMAIL, PASSWORD } from '../../test/helpers/distribute';
import { hostileServer, sendJson, type HostileServer } from './server';

export interface ExportAnswer {
	csv: string | Buffer;
	disposition?: string;
}

/** An eSIM Distribute look-alike on 127.0.0.1: signs in, and answers the order export as the test says. */
export async function distributeProvider(
	exportAnswer: () => ExportAnswer,
	/** The `data` of the answer to `POST /api/tenant/top-up` (default: a 404). */
	topUpAnswer?: (body: Record<string, unknown> | undefined) => IDataObject,
): Promise<HostileServer & { run(parameters: IDataObject): ReturnType<typeof runNode> }> {
	const server = await hostileServer((req, res) => {
		if (req.method === 'POST' && req.path === '/api/tenant/login')
			return sendJson(res, 200, { success: true, data: { token: 'hostile-token' } });
		if (req.method === 'GET' && req.path === '/api/tenant/orders/export') {
			const { csv, disposition = 'attachment; filename="orders-2026-03-10.csv"' } = exportAnswer();
			res.writeHead(200, {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': disposition,
			});
			return void res.end(csv);
		}
		if (req.method === 'POST' && req.path === '/api/tenant/top-up' && topUpAnswer)
			return sendJson(res, 200, { success: true, data: topUpAnswer(req.json) });
		return sendJson(res, 404, { success: false, message: 'Not found' });
	});
	const harness = createHarness(
		{ [DISTRIBUTE_TYPE]: new EsimDistribute() },
		[new EsimDistributeApi()],
		{
			esimDistributeApi: {
				email: EMAIL,
				password: PASSWORD,
				baseUrl: server.url,
				sessionToken: '',
			},
		},
	);
	return {
		...server,
		run: async (parameters) =>
			await runNode(
				harness,
				{
					name: 'eSIM Distribute',
					type: DISTRIBUTE_TYPE,
					parameters: parameters as INodeParameters,
					credentials: {
						esimDistributeApi: { id: 'cred-distribute', name: 'eSIM Distribute account' },
					},
				},
				[{}],
			),
	};
}

export const EXPORT = { resource: 'order', operation: 'export' };
