import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import { sizeText } from './boundedBody';
import type { ApiResponse, ErrorHints, NetworkFailure, Provider } from './types';

export interface Explained {
	message: string;
	description: string;
}

/** Provider text quoted in an error is cut to this many characters before anything else looks at it. */
export const QUOTE_LENGTH = 500;

/**
 * The patterns `scrub` runs, each linear in its input: every match starts at
 * a keyword, and no quantifier runs over text that a later start would read
 * again (the name after `secret` is bounded: `secret\w*` re-read the rest of a
 * word at every `secret` in it, quadratic in the text's length).
 */
export const SCRUB_PATTERNS: ReadonlyArray<RegExp> = [
	/(bearer\s+)[\w.~+/=-]+/gi,
	/("?(?:password|secret\w{0,32}|token|x-secret-key|authorization)"?\s*[:=]\s*)"?[^"\s,}]+"?/gi,
];

/**
 * Removes anything that looks like a credential from text that goes into an
 * error. The text is shortened first, so the work is bounded whatever its length.
 */
export function scrub(text: string): string {
	let out = text.slice(0, QUOTE_LENGTH);
	for (const pattern of SCRUB_PATTERNS) out = out.replace(pattern, '$1[redacted]');
	return out;
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
		return {
			message: override.message,
			description: `${override.description ?? ''}${quote}`.trim(),
		};
	}
	const retried = attempts > 1 ? ` (tried ${attempts} times)` : '';
	switch (true) {
		case status === 400:
			return {
				message: `${provider.label} rejected the request as invalid${said ? `: ${scrub(said)}` : ''}`,
				description:
					'Check the fields of this node against the message above; nothing was charged.',
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

export function apiError(
	node: INode,
	explained: Explained,
	status: number | undefined,
	itemIndex?: number,
	data?: unknown,
): NodeApiError {
	const httpCode = status === undefined ? undefined : String(status);
	const error = new NodeApiError(
		node,
		{
			message: explained.message,
			description: explained.description,
			httpCode: httpCode ?? null,
		} as JsonObject,
		{ message: explained.message, description: explained.description, httpCode, itemIndex },
	);
	// NodeApiError rewrites messages that mention a network error code; keep ours.
	error.message = explained.message;
	error.description = explained.description;
	if (data && typeof data === 'object') error.context.data = data;
	return error;
}

/** A dropped connection on a request that cannot be repeated safely. */
export function explainNetwork(
	provider: Provider,
	failure: NetworkFailure,
	unsafeWrite: boolean,
	ambiguity?: string,
	attempts = 1,
): Explained {
	if (failure.tls) {
		return {
			message: `The TLS certificate of ${provider.label} was refused (${failure.code}), so nothing was sent`,
			description: `The connection was stopped before the request left n8n, so nothing was carried out; it was not tried again, since the certificate would be refused again. Check the Base URL in the "${provider.credentialLabel}" credential. A provider with a certificate from a private authority needs that authority trusted by n8n (NODE_EXTRA_CA_CERTS, see docs/limits.md).`,
		};
	}
	const retried = attempts > 1 ? ` (tried ${attempts} times)` : '';
	const late = failure.deadlineMs !== undefined;
	const seconds = late ? `${Math.round((failure.deadlineMs as number) / 100) / 10} s` : '';
	if (unsafeWrite && failure.maybeSent) {
		return {
			message: late
				? `Outcome unknown: ${provider.label} did not finish answering within ${seconds} after the request was sent`
				: `Outcome unknown: the connection to ${provider.label} failed (${failure.code}) after the request was sent`,
			description:
				ambiguity ??
				`${provider.label} may or may not have carried it out, and this request cannot be repeated safely. Check in the provider's portal before running this item again.`,
		};
	}
	if (late) {
		return {
			message: `${provider.label} did not finish answering within ${seconds}${retried}`,
			description:
				'Every answer must arrive completely within the Request Timeout; a connection that only trickles data is given up. Try again later, or raise the Request Timeout in the node options if the provider is just slow.',
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

/** The host (and port, when not the default) a redirect pointed to, or a note that it named none. */
export function redirectTarget(location: string | undefined, from: string): string {
	if (!location) return 'an address it did not name';
	try {
		const url = new URL(location, from);
		return `${url.protocol}//${url.host}`;
	} catch {
		return 'an address that is not a valid URL';
	}
}

/** A 3xx answer: redirects are never followed, so credentials and request bodies stay with the Base URL's host. */
export function explainRedirect(
	provider: Provider,
	status: number,
	target: string,
	write: boolean,
): Explained {
	return {
		message: `${provider.label} answered with a redirect (HTTP ${status}) to ${target}; it was not followed and the credentials were not sent there`,
		description: `Requests with your credentials go only to the Base URL of the "${provider.credentialLabel}" credential and never follow redirects. ${
			write
				? 'The request was not sent to the other address, so nothing was carried out there. '
				: ''
		}Check the Base URL in the credential: if the provider has really moved, enter the new address (https) there.`,
	};
}

/**
 * A 2xx answer whose body could not be read as the provider's answer (an HTML
 * page, malformed, cut-off or empty JSON, another envelope). Callers that can
 * recover (by idempotency key, or by reconciling with the order list) catch it;
 * `context.unreadable` says what came back.
 */
export class UnreadableResponseError extends NodeApiError {
	/** e.g. `an HTML page instead of JSON`. */
	readonly what: string;

	/** `METHOD /path` of the request. */
	readonly endpoint: string;

	readonly status: number;

	constructor(
		node: INode,
		explained: Explained,
		info: { status: number; what: string; endpoint: string; itemIndex?: number },
	) {
		super(
			node,
			{
				message: explained.message,
				description: explained.description,
				httpCode: String(info.status),
			} as JsonObject,
			{
				message: explained.message,
				description: explained.description,
				httpCode: String(info.status),
				itemIndex: info.itemIndex,
			},
		);
		this.message = explained.message;
		this.description = explained.description;
		this.what = info.what;
		this.endpoint = info.endpoint;
		this.status = info.status;
		this.context.unreadable = { endpoint: info.endpoint, status: info.status, what: info.what };
	}
}

/** A 2xx answer whose decoded body passed its bound; reading stopped there. A write's outcome is unknown. */
export function explainOversize(
	provider: Provider,
	endpoint: string,
	max: number,
	write: boolean,
): Explained & { what: string } {
	const what = `an answer larger than ${sizeText(max)} once decompressed`;
	const came = `${provider.label} answered ${endpoint} with ${what}, the limit for this kind of answer; it was refused unread`;
	const description = `Reading stopped at ${sizeText(max)} to keep the workflow's memory bounded; it was not asked again, since the same answer would come back.`;
	if (write) {
		return {
			what,
			message: `Outcome unknown: ${came}`,
			description: `${description} The request reached ${provider.label}, so check in the provider's portal whether it was carried out before running this item again.`,
		};
	}
	return {
		what,
		message: came,
		description: `${description} This is not a normal answer: check the Base URL in the "${provider.credentialLabel}" credential, or read fewer rows (Limit, filters).`,
	};
}

/** Wording for an unreadable 2xx answer; a write's outcome is unknown. */
export function explainUnreadable(
	provider: Provider,
	endpoint: string,
	status: number,
	body: { what: string; sample?: string },
	write: boolean,
): Explained {
	const came = `${provider.label} answered ${endpoint} with HTTP ${status} but ${body.what}`;
	const sample = body.sample ? ` It began: "${body.sample}".` : '';
	if (write) {
		return {
			message: `Outcome unknown: ${came}`,
			description: `The request reached ${provider.label}, but its answer could not be read, so it is not reported as a success and was not sent again blindly. Check in the provider's portal whether it was carried out before running this item again.${sample}`,
		};
	}
	return {
		message: `${came}, so it could not be read`,
		description: `This is not the provider's normal answer: often a proxy or maintenance page, a cut-off connection, or a wrong Base URL in the "${provider.credentialLabel}" credential. Check the Base URL and try again later.${sample}`,
	};
}
