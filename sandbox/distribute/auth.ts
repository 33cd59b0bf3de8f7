import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

import type { SimRequest } from '../types';
import { ApiError } from './envelope';
import type { State, Tenant } from './model';

const b64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');
const HEADER = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

function secret(state: State): Buffer {
	return createHash('sha256').update(`esim-distribute-sandbox-secret:${state.seed}`).digest();
}

function sign(state: State, input: string): string {
	return createHmac('sha256', secret(state)).update(input).digest('base64url');
}

export function hashPassword(password: string): string {
	return createHash('sha256').update(`esim-distribute-sandbox-password:${password}`).digest('hex');
}

export interface IssuedToken {
	token: string;
	expiresIn: number;
	expiresAt: string;
}

/** A signed HS256 JWT for the tenant: `{ sub, iat, exp, jti }` (times in seconds). */
export function issueToken(state: State, tenant: Tenant): IssuedToken {
	const now = state.now();
	// NumericDate with millisecond precision, so a 1-second lifetime is exactly one second.
	const exp = (now + state.tokenLifetimeSec * 1000) / 1000;
	const payload = { sub: tenant.id, iat: now / 1000, exp, jti: state.rng.hex(16) };
	const unsigned = `${HEADER}.${b64url(JSON.stringify(payload))}`;
	return {
		token: `${unsigned}.${sign(state, unsigned)}`,
		expiresIn: state.tokenLifetimeSec,
		expiresAt: state.iso(exp * 1000),
	};
}

type Verdict = { tenant: Tenant } | { error: 'UNAUTHORIZED' | 'TOKEN_EXPIRED' | 'REVOKED' };

function verify(state: State, req: SimRequest): Verdict {
	const header = Object.entries(req.headers).find(
		([name]) => name.toLowerCase() === 'authorization',
	)?.[1];
	const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
	const parts = match?.[1]?.split('.') ?? [];
	if (parts.length !== 3) return { error: 'UNAUTHORIZED' };
	const [head, body, signature] = parts as [string, string, string];
	const expected = Buffer.from(sign(state, `${head}.${body}`));
	const given = Buffer.from(signature);
	if (expected.length !== given.length || !timingSafeEqual(expected, given))
		return { error: 'UNAUTHORIZED' };
	let payload: { sub?: unknown; exp?: unknown; iat?: unknown };
	try {
		payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
	} catch {
		return { error: 'UNAUTHORIZED' };
	}
	const tenant = typeof payload.sub === 'string' ? state.tenants.get(payload.sub) : undefined;
	if (!tenant || typeof payload.exp !== 'number') return { error: 'UNAUTHORIZED' };
	if (typeof payload.iat === 'number' && payload.iat * 1000 < state.revokedBeforeMs)
		return { error: 'REVOKED' };
	if (state.now() >= payload.exp * 1000) return { error: 'TOKEN_EXPIRED' };
	return { tenant };
}

/** The tenant a request's Bearer token belongs to; throws 401 otherwise. */
export function authenticate(state: State, req: SimRequest): Tenant {
	const verdict = verify(state, req);
	if ('tenant' in verdict) return verdict.tenant;
	if (verdict.error === 'TOKEN_EXPIRED')
		throw new ApiError('TOKEN_EXPIRED', 'Token has expired, log in again');
	if (verdict.error === 'REVOKED')
		throw new ApiError('UNAUTHORIZED', 'Token has been revoked, log in again');
	throw new ApiError('UNAUTHORIZED', 'Missing or invalid Bearer token');
}

/** The tenant id of a valid token, or undefined. */
export function principalOf(state: State, req: SimRequest): string | undefined {
	const verdict = verify(state, req);
	return 'tenant' in verdict ? verdict.tenant.id : undefined;
}
