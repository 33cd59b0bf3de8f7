import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import type { ApiResponse, ErrorHints, NetworkFailure, Provider } from './types';

export interface Explained {
	message: string;
	description: string;
}

/** Removes anything that looks like a credential from text that goes into an error. */
export function scrub(text: string): string {
	return text
		.replace(/(bearer\s+)[\w.~+/=-]+/gi, '$1[redacted]')
		.replace(/("?(?:password|secret\w*|token|x-secret-key|authorization)"?\s*[:=]\s*)"?[^"\s,}]+"?/gi, '$1[redacted]')
		.slice(0, 500);
}

/** What happened and how to fix it, per HTTP status class. */
export function explainStatus(
	provider: Provider,
	response: ApiResponse,
	hints: ErrorHints = {},
	attempts = 1,
): Explained {
	const status = response.status;
	const said = provider.errorTextOf(response.body);
	const quote = said ? ` ${provider.label} said: "${scrub(said)}".` : '';
	const override = hints.byStatus?.[status];
	if (override) {
		return { message: override.message, description: `${override.description ?? ''}${quote}`.trim() };
	}
	const retried = attempts > 1 ? ` (tried ${attempts} times)` : '';
	switch (true) {
		case status === 400:
			return {
				message: `${provider.label} rejected the request as invalid${said ? `: ${scrub(said)}` : ''}`,
				description: 'Check the fields of this node against the message above; nothing was charged.',
			};
		case status === 401:
			return {
				message: `${provider.label} did not accept the credentials (401 Unauthorized)`,
				description: `Open the "${provider.credentialLabel}" credential and check its values; keys can be revoked or expire in the provider's portal.${quote}`,
			};
		case status === 402:
			return {
				message: `Insufficient balance: ${provider.label} refused the purchase because the balance does not cover it`,
				description: `${hints.balanceText ? `${hints.balanceText} ` : ''}Top up the balance, then run this item again; nothing was charged.${quote}`,
			};
		case status === 403:
			return {
				message: `${provider.label} refused this action for these credentials (403 Forbidden)`,
				description: `The account is signed in but not allowed to do this.${quote}`,
			};
		case status === 404:
			return {
				message: `${hints.subject ? `${hints.subject[0].toUpperCase()}${hints.subject.slice(1)}` : 'The requested record'} was not found at ${provider.label}`,
				description: `Check the identifier; records of other accounts are not visible.${quote}`,
			};
		case status === 409:
			return {
				message: `${provider.label} reported a conflict (409)`,
				description: `The request collides with an earlier one.${quote}`,
			};
		case status === 429:
			return {
				message: `${provider.label} rate limit reached (429 Too Many Requests)${retried}`,
				description: `Your key allows a limited number of requests per minute. Process fewer items at once (Loop Over Items with a Wait node) or try again in a minute.${quote}`,
			};
		case status >= 500:
			return {
				message: `${provider.label} had a server error (${status})${retried}`,
				description: `This is a problem on the provider's side. Try again later.${quote}`,
			};
		default:
			return {
				message: `${provider.label} answered with HTTP ${status}${said ? `: ${scrub(said)}` : ''}`,
				description: 'The request did not succeed.',
			};
	}
}

export function apiError(node: INode, explained: Explained, status: number | undefined, itemIndex?: number, data?: unknown): NodeApiError {
	const httpCode = status === undefined ? undefined : String(status);
	const error = new NodeApiError(
		node,
		{ message: explained.message, description: explained.description, httpCode: httpCode ?? null } as JsonObject,
		{ message: explained.message, description: explained.description, httpCode, itemIndex },
	);
	// NodeApiError rewrites messages that mention a network error code; keep ours.
	error.message = explained.message;
	error.description = explained.description;
	if (data && typeof data === 'object') error.context.data = data;
	return error;
}

/** A dropped connection on a request that cannot be repeated safely. */
export function explainNetwork(provider: Provider, failure: NetworkFailure, unsafeWrite: boolean, ambiguity?: string): Explained {
	if (unsafeWrite && failure.maybeSent) {
		return {
			message: `Outcome unknown: the connection to ${provider.label} failed (${failure.code}) after the request was sent`,
			description:
				ambiguity ??
				`${provider.label} may or may not have carried it out, and this request cannot be repeated safely. Check in the provider's portal before running this item again.`,
		};
	}
	return {
		message: `Could not reach ${provider.label} (${failure.code})`,
		description: failure.maybeSent
			? 'The connection failed repeatedly. Check the Base URL in the credential and try again later.'
			: 'The connection was refused or the host was not found. Check the Base URL in the credential.',
	};
}

/** Flags an error raised after an unrepeatable write may have reached the provider. */
export function markOutcomeUnknown(error: NodeApiError): NodeApiError {
	error.context.outcomeUnknown = true;
	return error;
}
