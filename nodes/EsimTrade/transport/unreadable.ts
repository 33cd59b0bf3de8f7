import type { IDataObject, INode, NodeApiError } from 'n8n-workflow';

import { apiError, markOutcomeUnknown } from '../../shared/transport/errors';
import type { ApiResponse } from '../../shared/transport/types';

/**
 * Reads the answer to a money-moving request. A success status whose body is
 * not a JSON object (an HTML page, malformed or empty JSON, a list) or that is
 * an error message is not a success: the outcome is unknown. Returns the body,
 * or a short description of what came back instead.
 */
export function readAnswer(body: unknown): { body: IDataObject } | { unreadable: string } {
	if (body === undefined || body === null || body === '') return { unreadable: 'an empty body' };
	if (typeof body === 'string') {
		const start = body.trimStart().slice(0, 15).toLowerCase();
		if (start.startsWith('<!doctype') || start.startsWith('<html') || start.startsWith('<'))
			return { unreadable: 'an HTML page' };
		return { unreadable: `text that is not JSON (${body.length} characters)` };
	}
	if (Array.isArray(body)) return { unreadable: 'a JSON list instead of an object' };
	if (typeof body !== 'object' || Buffer.isBuffer(body))
		return { unreadable: `a bare JSON ${typeof body}` };
	const record = body as IDataObject;
	if (Object.keys(record).length === 0) return { unreadable: 'an empty JSON object' };
	if (record.success === false || (typeof record.error === 'string' && record.data === undefined)) {
		return { unreadable: 'an error message with a success status' };
	}
	return { body: record };
}

/** As readAnswer, for a response the transport already judged (a write sent with `returnUnreadable`). */
export function readResponse(
	response: ApiResponse,
): { body: IDataObject } | { unreadable: string } {
	return response.unreadable ? { unreadable: response.unreadable.what } : readAnswer(response.body);
}

/** "Outcome unknown" for a money-moving request whose success answer could not be read. */
export function unreadableOutcome(
	node: INode,
	what: string,
	unreadable: string,
	description: string,
	itemIndex: number,
): NodeApiError {
	const error = apiError(
		node,
		{
			message: `Outcome unknown: eSIMTrade answered ${what} with a success status but ${unreadable}`,
			description,
		},
		undefined,
		itemIndex,
	);
	markOutcomeUnknown(error);
	error.context.outcome = 'outcomeUnknown';
	return error;
}
