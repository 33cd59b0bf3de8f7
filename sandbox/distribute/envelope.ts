import type { SimResponse } from '../types';

/** Error codes carried in the envelope's `error` field. */
export type ErrorCode =
	| 'VALIDATION_ERROR'
	| 'UNAUTHORIZED'
	| 'TOKEN_EXPIRED'
	| 'INVALID_CREDENTIALS'
	| 'INSUFFICIENT_BALANCE'
	| 'NOT_FOUND'
	| 'CONFLICT'
	| 'INTERNAL_ERROR';

const STATUS: Record<ErrorCode, number> = {
	VALIDATION_ERROR: 400,
	UNAUTHORIZED: 401,
	TOKEN_EXPIRED: 401,
	INVALID_CREDENTIALS: 401,
	INSUFFICIENT_BALANCE: 402,
	NOT_FOUND: 404,
	CONFLICT: 409,
	INTERNAL_ERROR: 500,
};

/** Thrown by handlers; turned into a failure envelope by the router. */
export class ApiError extends Error {
	readonly status: number;

	constructor(
		readonly code: ErrorCode,
		message: string,
	) {
		super(message);
		this.status = STATUS[code];
	}
}

/** `{ success: true, data, message, error: '' }`. */
export function ok(data: unknown, message: string, status = 200): SimResponse {
	return { status, body: { success: true, data, message, error: '' } };
}

/** `{ success: false, data: null, message, error: CODE }` with the code's HTTP status. */
export function fail(err: ApiError): SimResponse {
	return {
		status: err.status,
		body: { success: false, data: null, message: err.message, error: err.code },
	};
}

/** Runs a handler and converts thrown errors into failure envelopes. */
export function guarded(run: () => SimResponse): SimResponse {
	try {
		return run();
	} catch (err) {
		if (err instanceof ApiError) return fail(err);
		const message = err instanceof Error ? err.message : String(err);
		return fail(new ApiError('INTERNAL_ERROR', `Internal error: ${message}`));
	}
}
