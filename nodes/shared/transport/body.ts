import type { ApiRequest, ApiResponse, Provider } from './types';

/** What an unreadable success body was, in words, with a short sample of it. */
export interface Unreadable {
	/** e.g. `an HTML page`, `malformed or cut-off JSON`, `an empty body`. */
	what: string;
	/** The first characters of the body (already redacted), or undefined when there is nothing to show. */
	sample?: string;
}

const SAMPLE_LENGTH = 120;

function sampleOf(text: string): string | undefined {
	const flat = text.replace(/\s+/g, ' ').trim();
	if (!flat) return undefined;
	return flat.length > SAMPLE_LENGTH ? `${flat.slice(0, SAMPLE_LENGTH)}…` : flat;
}

const looksLikeHtml = (text: string) =>
	/^\s*(<!doctype\s+html|<html|<head|<body|<\?xml|<)/i.test(text);

/** Bytes the body should have had by its Content-Length, when that can be compared with what arrived. */
function shortBy(response: ApiResponse, text: string): number {
	const declared = Number(response.headers['content-length']);
	if (!Number.isFinite(declared) || response.headers['content-encoding']) return 0;
	return Math.max(0, declared - Buffer.byteLength(text, 'utf8'));
}

/**
 * Why a 2xx answer cannot be taken as a success, or undefined when it can:
 * JSON routes need a parsed JSON object or list (HTML pages, malformed, cut-off
 * and empty bodies are not), in the provider's envelope; text routes (CSV)
 * need text that is neither an HTML page nor shorter than its Content-Length.
 */
export function unreadableBody(
	provider: Provider,
	request: ApiRequest,
	response: ApiResponse,
): Unreadable | undefined {
	const body = response.body;
	if (request.responseType === 'text') {
		const text =
			typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : undefined;
		if (text === undefined) return { what: 'something other than text' };
		const type = response.headers['content-type'] ?? '';
		if (/html/i.test(type) || /^\s*(<!doctype\s+html|<html)/i.test(text))
			return { what: 'an HTML page', sample: sampleOf(text) };
		const missing = shortBy(response, text);
		if (missing) return { what: `a body cut off ${missing} bytes short of its announced length` };
		return undefined;
	}
	if (response.status === 204 && request.method !== 'GET') return undefined;
	if (body === undefined || body === null || (typeof body === 'string' && !body.trim()))
		return { what: 'an empty body' };
	if (Buffer.isBuffer(body)) return { what: 'binary data instead of JSON' };
	if (typeof body === 'string') {
		if (looksLikeHtml(body))
			return { what: 'an HTML page instead of JSON', sample: sampleOf(body) };
		return { what: 'malformed or cut-off JSON', sample: sampleOf(body) };
	}
	if (typeof body !== 'object')
		return {
			what: `a bare ${typeof body} instead of a JSON object`,
			sample: sampleOf(String(body)),
		};
	const problem = provider.envelopeProblem?.(body, request);
	if (problem) return { what: problem, sample: sampleOf(JSON.stringify(body)) };
	return undefined;
}
