import { randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'esimtrade_session';

/** How a request authenticated: with the API key (pair or legacy secret-only) or a portal session. */
export interface TradeAuth {
	kind: 'key' | 'session';
	/** Rate-limit and log identity; never contains a credential. */
	principal: string;
}

/** Principal of the demo API key record (the simulator has one reseller with one key). */
export const KEY_PRINCIPAL = 'trade:key-1';
export const SESSION_PRINCIPAL = 'trade:session';

function same(a: string | undefined, b: string): boolean {
	if (a === undefined) return false;
	const left = Buffer.from(a);
	const right = Buffer.from(b);
	return left.length === right.length && timingSafeEqual(left, right);
}

export function sessionTokenOf(cookieHeader: string | undefined): string | undefined {
	if (!cookieHeader) return undefined;
	for (const part of cookieHeader.split(';')) {
		const [name, ...rest] = part.trim().split('=');
		if (name === SESSION_COOKIE) return rest.join('=');
	}
	return undefined;
}

/**
 * Pair auth (`x-access-code` + `x-secret-key`) first; then the legacy
 * secret-only headers (`x-api-key`, `Authorization: Bearer`); then a portal
 * session cookie. A wrong pair is not rescued by the legacy headers.
 */
export function authenticate(
	headers: Record<string, string | undefined>,
	keys: { accessCode: string; secretKey: string },
	hasSession: (token: string) => boolean,
): TradeAuth | undefined {
	const accessCode = headers['x-access-code'];
	if (accessCode !== undefined) {
		return same(accessCode, keys.accessCode) && same(headers['x-secret-key'], keys.secretKey)
			? { kind: 'key', principal: KEY_PRINCIPAL }
			: undefined;
	}
	if (same(headers['x-api-key'], keys.secretKey)) return { kind: 'key', principal: KEY_PRINCIPAL };
	const bearer = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '')?.[1]?.trim();
	if (same(bearer, keys.secretKey)) return { kind: 'key', principal: KEY_PRINCIPAL };
	const token = sessionTokenOf(headers.cookie);
	if (token && hasSession(token)) return { kind: 'session', principal: SESSION_PRINCIPAL };
	return undefined;
}

/** Portal session tokens issued through the admin API. */
export class SessionStore {
	private tokens = new Set<string>();

	issue(): string {
		const token = randomBytes(16).toString('hex');
		this.tokens.add(token);
		return token;
	}

	has(token: string): boolean {
		return this.tokens.has(token);
	}

	clear(): void {
		this.tokens.clear();
	}
}
