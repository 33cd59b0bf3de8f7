import type { SimResponse } from '../types';

/** A JSON response. */
export function ok(body: unknown, status = 200, headers?: Record<string, string>): SimResponse {
	return headers ? { status, body, headers } : { status, body };
}

/** The documented error body `{ "error": "<message>" }`, with optional extra fields. */
export function fail(
	status: number,
	error: string,
	extra: Record<string, unknown> = {},
): SimResponse {
	return { status, body: { error, ...extra } };
}

/** The JSON object body of a write request, or undefined when it is not an object. */
export function objectBody(body: unknown): Record<string, unknown> | undefined {
	if (body === undefined || body === null || body === '') return {};
	if (typeof body !== 'object' || Array.isArray(body)) return undefined;
	return body as Record<string, unknown>;
}

/** An integer quantity in 1..100 (`undefined` means 1), or undefined when invalid. */
export function parseQuantity(value: unknown): number | undefined {
	if (value === undefined || value === null) return 1;
	return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 100
		? (value as number)
		: undefined;
}
