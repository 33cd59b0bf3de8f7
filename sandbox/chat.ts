import type { SimResponse } from './types';

/**
 * A scripted stand-in for an OpenAI-compatible chat-completions API, for AI
 * Agent workflows that call the nodes as tools (n8n's OpenAI Chat Model with
 * the credential's Base URL set to `<sandbox>/openai/v1` and the Responses
 * API turned off). No model runs: the script is in the last user message.
 *
 * - The user message holds `CALL <tool name> <JSON arguments>` and the
 *   conversation has no tool answer yet → the reply asks for that tool call.
 * - A tool answer is present → the reply is `FINAL: <the tool answer>`.
 * - No `CALL` → `FINAL: no tool needed`.
 * `GET /openai/v1/models` lists the one model `fake-model`; other routes 404.
 */
export const CHAT_PREFIX = '/openai/v1';

interface Message {
	role?: string;
	content?: unknown;
}

let sequence = 0;

const textOf = (content: unknown): string =>
	typeof content === 'string'
		? content
		: Array.isArray(content)
			? content
					.map((part) =>
						part && typeof part === 'object'
							? String((part as { text?: unknown }).text ?? '')
							: String(part),
					)
					.join('')
			: content === undefined || content === null
				? ''
				: JSON.stringify(content);

function completion(
	model: string,
	message: Record<string, unknown>,
	finish: string,
): Record<string, unknown> {
	sequence++;
	return {
		id: `chatcmpl-sandbox-${sequence}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model,
		choices: [{ index: 0, message, logprobs: null, finish_reason: finish }],
		usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
	};
}

/** The same answer as server-sent events, for `stream: true`. */
function streamed(body: Record<string, unknown>): SimResponse {
	const [choice] = body.choices as Array<{
		message: Record<string, unknown>;
		finish_reason: string;
	}>;
	const base = {
		id: body.id,
		object: 'chat.completion.chunk',
		created: body.created,
		model: body.model,
	};
	const delta: Record<string, unknown> = {
		role: 'assistant',
		content: choice.message.content ?? null,
	};
	if (Array.isArray(choice.message.tool_calls))
		delta.tool_calls = choice.message.tool_calls.map((call, index) => ({ index, ...call }));
	const chunks = [
		{ ...base, choices: [{ index: 0, delta, finish_reason: null }] },
		{
			...base,
			choices: [{ index: 0, delta: {}, finish_reason: choice.finish_reason }],
			usage: body.usage,
		},
	];
	return {
		status: 200,
		headers: { 'Content-Type': 'text/event-stream' },
		body: `${chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join('')}data: [DONE]\n\n`,
	};
}

export function handleChat(method: string, path: string, body: unknown): SimResponse {
	if (method === 'GET' && path === `${CHAT_PREFIX}/models`) {
		return {
			status: 200,
			body: { object: 'list', data: [{ id: 'fake-model', object: 'model', owned_by: 'sandbox' }] },
		};
	}
	if (
		method !== 'POST' ||
		path !== `${CHAT_PREFIX}/chat/completions` ||
		!body ||
		typeof body !== 'object'
	) {
		return {
			status: 404,
			body: {
				error: {
					message: `sandbox chat: unsupported ${method} ${path}`,
					type: 'invalid_request_error',
				},
			},
		};
	}
	const request = body as { model?: string; stream?: boolean; messages?: Message[] };
	const model = request.model ?? 'fake-model';
	const messages = request.messages ?? [];
	const lastUser = [...messages].reverse().find((m) => m.role === 'user');
	const toolAnswer = messages
		.slice(messages.lastIndexOf(lastUser as Message) + 1)
		.find((m) => m.role === 'tool');
	const script = /CALL\s+([A-Za-z0-9_-]{1,64})\s+(\{.*\})/s.exec(textOf(lastUser?.content));
	let out: Record<string, unknown>;
	if (toolAnswer || !script) {
		const text = toolAnswer
			? `FINAL: ${textOf(toolAnswer.content).slice(0, 2000)}`
			: 'FINAL: no tool needed';
		out = completion(model, { role: 'assistant', content: text }, 'stop');
	} else {
		const call = {
			id: `call_sandbox_${sequence + 1}`,
			type: 'function',
			function: { name: script[1], arguments: script[2] },
		};
		out = completion(model, { role: 'assistant', content: null, tool_calls: [call] }, 'tool_calls');
	}
	return request.stream ? streamed(out) : { status: 200, body: out };
}
