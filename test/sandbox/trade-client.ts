import type { Sandbox } from '../../sandbox';

export const KEY_HEADERS = { 'x-access-code': 'demo-access', 'x-secret-key': 'demo-secret' };

/** A decoded JSON body; the tests assert its shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Reply {
	status: number;
	body: Json;
	headers: Headers;
}

export interface CallOptions {
	body?: unknown;
	headers?: Record<string, string>;
	/** Send no credentials at all. */
	anonymous?: boolean;
}

/** Calls the eSIMTrade simulator over HTTP with the demo key. */
export function tradeClient(sb: () => Sandbox) {
	async function call(method: string, path: string, options: CallOptions = {}): Promise<Reply> {
		const headers: Record<string, string> = {
			...(options.anonymous ? {} : KEY_HEADERS),
			...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
			...options.headers,
		};
		const body =
			options.body === undefined
				? undefined
				: typeof options.body === 'string'
					? options.body
					: JSON.stringify(options.body);
		const res = await fetch(`${sb().tradeBaseUrl}${path}`, { method, headers, body });
		const text = await res.text();
		return {
			status: res.status,
			body: text ? (JSON.parse(text) as Json) : undefined,
			headers: res.headers,
		};
	}
	return {
		call,
		get: (path: string, options?: CallOptions) => call('GET', path, options),
		post: (path: string, body: unknown, options?: CallOptions) =>
			call('POST', path, { ...options, body }),
		patch: (path: string, body: unknown, options?: CallOptions) =>
			call('PATCH', path, { ...options, body }),
		order: (body: Record<string, unknown>) => call('POST', '/portal/order', { body }),
	};
}

/** Calls the sandbox admin API. */
export async function admin(
	sb: Sandbox,
	method: string,
	path: string,
	body?: unknown,
): Promise<Reply> {
	const res = await fetch(`${sb.url}/__admin/${path}`, {
		method,
		headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	return {
		status: res.status,
		body: text ? (JSON.parse(text) as Json) : undefined,
		headers: res.headers,
	};
}

export const sleep = (ms: number): Promise<void> =>
	new Promise((resolve) => setTimeout(resolve, ms));
