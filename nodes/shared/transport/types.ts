import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import type { BodyKind } from './boundedBody';

/** Every n8n context our nodes make requests from. */
export type RequestContext =
	IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions | IWebhookFunctions;

/**
 * How a request may be repeated after a failure:
 * - `read`: safe to repeat (GET);
 * - `keyed`: a write the provider de-duplicates by a key we send, so repeating it is safe;
 * - `unkeyed`: a write with no protection against repeats; never repeated.
 */
export type RetryPolicy = 'read' | 'keyed' | 'unkeyed';

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path relative to the credential's base URL, starting with `/`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	retry: RetryPolicy;
	/** Per-attempt total deadline: the whole answer must have arrived by then (default 30 s). */
	timeoutMs?: number;
	/** `text` keeps the body as a string (CSV); default JSON. */
	responseType?: 'json' | 'text';
	/**
	 * What the answer is, which bounds its decoded size (BODY_LIMITS): `object`
	 * (default for JSON), `page` (a list page or a catalog), `export` (default for text).
	 */
	size?: BodyKind;
	/** Item the request belongs to, for error reporting. */
	itemIndex?: number;
	/** Sent without the credential's authentication (public endpoints). */
	anonymous?: boolean;
}

/** What one node run needs for every request to a provider. */
export interface Session {
	baseUrl: string;
	credentials: IDataObject;
	/** Credential fields whose values are redacted (read at each use: n8n refreshes a token in `credentials`). */
	secretFields: string[];
}

export interface ApiResponse {
	status: number;
	headers: Record<string, string>;
	body: unknown;
	/** Set (with status 0) when an unrepeatable write lost its connection after sending and the caller asked for it. */
	lost?: NetworkFailure;
	/** Set on a 2xx write whose body could not be read, when the caller asked for it (`returnUnreadable`). */
	unreadable?: { what: string; sample?: string };
	/** Set on a 2xx whose decoded body passed its bound: reading stopped there and `body` is undefined. */
	oversize?: { max: number; read: number };
	/** Set when asking again would bring the same answer (a sign-in answer past its bound): never retried, shown as is. */
	final?: { message: string; description: string };
}

/** A request that got no HTTP response. */
export interface NetworkFailure {
	/** `false` only when the connection was never made, so the provider cannot have seen the request. */
	maybeSent: boolean;
	code: string;
	/** Set when the answer did not arrive completely within this total deadline (ms). */
	deadlineMs?: number;
	/** Set when the server's TLS certificate was refused: nothing was sent, and asking again changes nothing. */
	tls?: boolean;
}

/** What a provider contributes to the shared transport. */
export interface Provider {
	/** Shown in messages, e.g. `eSIMTrade`. */
	label: string;
	credentialType: string;
	/** Display name of the credential type, for "check your credential" hints. */
	credentialLabel: string;
	/** Base URL read from the credential (validated by the transport). */
	baseUrlOf(credentials: IDataObject): string;
	/** The provider's own error text in a response body, when there is one. */
	errorTextOf(body: unknown): string | undefined;
	/** Status codes n8n should treat as errors so it refreshes an expiring token and retries once. */
	refreshOn?: number[];
	/** Credential fields whose values are secret: redacted by value from everything the node emits. */
	secretFields: string[];
	/** Why a parsed 2xx JSON body is not this provider's answer (another envelope), or undefined. */
	envelopeProblem?(body: object, request: ApiRequest): string | undefined;
}

/** Context for turning a failure into a helpful message. */
export interface ErrorHints {
	/** What the request was about, e.g. `order B2611230001`, used in 404 messages. */
	subject?: string;
	/** Overrides per status code: message and how to fix it. */
	byStatus?: Record<number, { message: string; description?: string }>;
	/** Extra text for a 402, e.g. the wallet balance. */
	balanceText?: string;
}
