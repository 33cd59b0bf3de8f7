import { EsimTradeWebhookTrigger } from '../../nodes/EsimTrade/EsimTradeWebhookTrigger.node';

describe('eSIMTrade Webhook Trigger description', () => {
	const node = new EsimTradeWebhookTrigger();

	it('is a POST webhook trigger, not an AI tool, answering as soon as the delivery is handled', () => {
		expect(node.description.group).toEqual(['trigger']);
		expect(node.description.inputs).toEqual([]);
		expect(node.description.usableAsTool).toBeUndefined();
		expect(node.description.webhooks).toEqual([
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		]);
		expect(node.description.credentials).toEqual([{ name: 'esimTradeApi', required: true }]);
	});

	it('changes nothing at eSIMTrade when the workflow is published or unpublished', async () => {
		const calls: string[] = [];
		const ctx = new Proxy({}, { get: (_t, key) => (calls.push(String(key)), () => undefined) });
		const methods = node.webhookMethods.default;
		expect(await methods.checkExists.call(ctx as never)).toBe(false);
		expect(await methods.create.call(ctx as never)).toBe(true);
		expect(await methods.delete.call(ctx as never)).toBe(true);
		// No credential read, no request: the URL is set in the reseller portal.
		expect(calls).toEqual([]);
	});

	it('tells the user where the URL goes and what an empty signing secret means', () => {
		const notices = node.description.properties
			.filter((p) => p.type === 'notice')
			.map((p) => p.displayName);
		expect(notices.join(' ')).toMatch(/Production URL.*reseller portal/);
		expect(notices.join(' ')).toMatch(/anyone who knows the URL can trigger it/);
	});
});
