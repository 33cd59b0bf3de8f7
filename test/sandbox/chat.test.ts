import { startSandbox, type Sandbox } from '../../sandbox';

describe('sandbox: scripted chat-completions endpoint', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox({ port: 0 });
	});
	afterAll(async () => await sb.close());

	const chat = async (body: object) =>
		await fetch(`${sb.url}/openai/v1/chat/completions`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});

	it('asks for the scripted tool call, then answers with the tool result', async () => {
		const user = { role: 'user', content: 'Buy two. CALL Buy_eSIM {"quantity":2}' };
		const first = (await (await chat({ model: 'fake-model', messages: [user] })).json()) as {
			choices: Array<{
				message: { tool_calls: Array<{ function: { name: string; arguments: string } }> };
				finish_reason: string;
			}>;
		};
		expect(first.choices[0].finish_reason).toBe('tool_calls');
		expect(first.choices[0].message.tool_calls[0].function).toEqual({
			name: 'Buy_eSIM',
			arguments: '{"quantity":2}',
		});
		const second = (await (
			await chat({
				model: 'fake-model',
				messages: [
					user,
					{ role: 'assistant', content: null, tool_calls: [] },
					{ role: 'tool', tool_call_id: 'x', content: '[{"orderNo":"B1"}]' },
				],
			})
		).json()) as { choices: Array<{ message: { content: string }; finish_reason: string }> };
		expect(second.choices[0]).toMatchObject({
			finish_reason: 'stop',
			message: { content: 'FINAL: [{"orderNo":"B1"}]' },
		});
		expect(sb.log.count({ path: '/openai/v1/chat/completions' })).toBe(2);
	});

	it('answers without a tool when no call is scripted, streams when asked, and 404s other routes', async () => {
		const plain = (await (
			await chat({ messages: [{ role: 'user', content: 'hello' }] })
		).json()) as { choices: Array<{ message: { content: string } }> };
		expect(plain.choices[0].message.content).toBe('FINAL: no tool needed');
		const stream = await chat({
			stream: true,
			messages: [{ role: 'user', content: 'CALL Wallet_balance {}' }],
		});
		expect(stream.headers.get('content-type')).toBe('text/event-stream');
		const text = await stream.text();
		expect(text).toContain('"name":"Wallet_balance"');
		expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
		expect(
			(await fetch(`${sb.url}/openai/v1/responses`, { method: 'POST', body: '{}' })).status,
		).toBe(404);
	});
});
