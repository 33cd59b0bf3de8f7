/**
 * Run by tls.test.ts in a jest process of its own, started with
 * NODE_EXTRA_CA_CERTS naming the test's certificate: the way n8n itself is
 * told to trust a private certificate authority (Node reads it once, when it
 * starts, so it cannot be set inside the running suite). Not matched by the
 * suite's own pattern: it runs only when tls.test.ts starts it.
 * ESIM_TLS_STEPS: JSON list of { baseUrl, parameters }; the results go to ESIM_TLS_OUT.
 */
import { writeFileSync } from 'node:fs';

import type { IDataObject } from 'n8n-workflow';

import { runTrade, tradeHarness } from '../../../test/helpers/trade';

interface Step {
	baseUrl: string;
	parameters: IDataObject;
}

it('runs the steps through n8n-core', async () => {
	const steps = JSON.parse(process.env.ESIM_TLS_STEPS ?? '[]') as Step[];
	const results = [];
	for (const step of steps) {
		const { items, error } = await runTrade(tradeHarness(step.baseUrl), step.parameters, [{}], {
			onError: 'continueRegularOutput',
		});
		results.push({
			items: items.map((item) => item.json),
			error: error ? { message: error.message, description: error.description } : null,
		});
	}
	writeFileSync(String(process.env.ESIM_TLS_OUT), JSON.stringify(results));
});
