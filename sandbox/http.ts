import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimResponse } from './types';

export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads the whole request body as UTF-8; undefined when it exceeds `limit` bytes. */
export function readBody(
	req: IncomingMessage,
	limit = MAX_BODY_BYTES,
): Promise<string | undefined> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		let tooLarge = false;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > limit) tooLarge = true;
			else chunks.push(chunk);
		});
		req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

/** Parsed JSON, `undefined` for an empty body, or the raw string when it is not JSON. */
export function parseBody(raw: string): unknown {
	if (raw.trim() === '') return undefined;
	try {
		return JSON.parse(raw) as unknown;
	} catch {
		return raw;
	}
}

export function headerRecord(req: IncomingMessage): Record<string, string | undefined> {
	const out: Record<string, string | undefined> = {};
	for (const [name, value] of Object.entries(req.headers)) {
		out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
	}
	return out;
}

/** Query parameters; the first occurrence of a repeated name wins. */
export function queryRecord(params: URLSearchParams): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, value] of params) if (!(name in out)) out[name] = value;
	return out;
}

/** Writes a SimResponse: Buffers and strings as they are, anything else as JSON. */
export function send(res: ServerResponse, response: SimResponse): void {
	const headers: Record<string, string> = { ...(response.headers ?? {}) };
	const hasType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
	let payload: Buffer;
	if (Buffer.isBuffer(response.body)) {
		payload = response.body;
		if (!hasType) headers['Content-Type'] = 'application/octet-stream';
	} else if (typeof response.body === 'string') {
		payload = Buffer.from(response.body, 'utf8');
		if (!hasType) headers['Content-Type'] = 'text/plain; charset=utf-8';
	} else if (response.body === undefined) {
		payload = Buffer.alloc(0);
	} else {
		payload = Buffer.from(JSON.stringify(response.body), 'utf8');
		if (!hasType) headers['Content-Type'] = 'application/json; charset=utf-8';
	}
	headers['Content-Length'] = String(payload.length);
	res.writeHead(response.status, headers);
	res.end(payload);
}

/** A JSON error body `{ error }` with the given status. */
export function jsonError(
	status: number,
	error: string,
	headers?: Record<string, string>,
): SimResponse {
	return headers ? { status, body: { error }, headers } : { status, body: { error } };
}
