import type { ProviderSim, SimResponse } from '../types';

/** Placeholder eSIM Distribute simulator: serves no routes. */
export function createDistributeSim(_opts?: { seed?: number }): ProviderSim {
	const notFound: SimResponse = { status: 404, body: { error: 'Not found' } };
	return {
		name: 'distribute',
		matches: () => false,
		principalOf: () => undefined,
		handle: () => notFound,
		admin: () => notFound,
		reset: () => undefined,
	};
}
