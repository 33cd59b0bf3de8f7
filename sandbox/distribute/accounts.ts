import type { SimRequest, SimResponse } from '../types';
import { hashPassword, issueToken } from './auth';
import { ApiError, ok } from './envelope';
import { toUsd } from './ledger';
import type { State, Tenant } from './model';
import { email, invalid, objectBody, requiredString, sameEmail } from './validate';

export const DEMO_CREDENTIALS = {
	email: 'demo@esimdistribute.test',
	password: 'demo-password',
} as const;

export interface NewTenant {
	name: string;
	subdomain: string;
	contactEmail: string;
	password: string;
	balanceCents: number;
}

/** Adds a tenant; throws 409 when the subdomain or e-mail is taken. */
export function createTenant(state: State, input: NewTenant): Tenant {
	for (const tenant of state.tenants.values()) {
		if (tenant.subdomain === input.subdomain) {
			throw new ApiError('CONFLICT', `subdomain "${input.subdomain}" is already taken`);
		}
		if (sameEmail(tenant.contactEmail, input.contactEmail)) {
			throw new ApiError('CONFLICT', `contactEmail ${input.contactEmail} is already registered`);
		}
	}
	const tenant: Tenant = {
		id: state.uuid(),
		name: input.name,
		subdomain: input.subdomain,
		contactEmail: input.contactEmail,
		status: 'active',
		balanceCents: input.balanceCents,
		createdAt: state.iso(),
		passwordHash: hashPassword(input.password),
	};
	state.tenants.set(tenant.id, tenant);
	return tenant;
}

/** The profile as `GET /profile` shows it. */
export function tenantView(tenant: Tenant) {
	return {
		id: tenant.id,
		name: tenant.name,
		subdomain: tenant.subdomain,
		contactEmail: tenant.contactEmail,
		status: tenant.status,
		creditBalance: toUsd(tenant.balanceCents),
		currency: 'USD' as const,
		createdAt: tenant.createdAt,
	};
}

/** `POST /register`. */
export function register(state: State, req: SimRequest): SimResponse {
	const body = objectBody(req.body);
	const name = requiredString(body.name, 'name', 100);
	const subdomain = requiredString(body.subdomain, 'subdomain', 40);
	if (!/^[a-z0-9-]{3,40}$/.test(subdomain)) {
		invalid('subdomain must be 3-40 characters of a-z, 0-9 and -');
	}
	const contactEmail = email(body.contactEmail, 'contactEmail');
	if (typeof body.password !== 'string' || body.password.length < 8) {
		invalid('password must be a string of at least 8 characters');
	}
	const tenant = createTenant(state, {
		name,
		subdomain,
		contactEmail,
		password: body.password,
		balanceCents: 0,
	});
	const { currency: _currency, ...view } = tenantView(tenant);
	return ok({ tenant: view }, 'Tenant registered', 201);
}

/** `POST /login`. */
export function login(state: State, req: SimRequest): SimResponse {
	const body = objectBody(req.body);
	const address = email(body.email, 'email');
	if (typeof body.password !== 'string' || !body.password) {
		invalid('password is required');
	}
	const tenant = [...state.tenants.values()].find((t) => sameEmail(t.contactEmail, address));
	if (!tenant || tenant.passwordHash !== hashPassword(body.password)) {
		throw new ApiError('INVALID_CREDENTIALS', 'Invalid email or password');
	}
	state.loginCount++;
	const issued = issueToken(state, tenant);
	return ok(
		{
			token: issued.token,
			tokenType: 'Bearer',
			expiresIn: issued.expiresIn,
			expiresAt: issued.expiresAt,
			tenant: { id: tenant.id, name: tenant.name, subdomain: tenant.subdomain },
		},
		'Login successful',
	);
}
