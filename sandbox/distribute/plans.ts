import type { Plan, State } from './model';

/** Country code, country, GB, days, USD price, active. */
type Row = [string, string, number, number, number, boolean];

const CATALOG: Row[] = [
	['JP', 'Japan', 1, 7, 4.5, true],
	['JP', 'Japan', 5, 30, 12.5, true],
	['JP', 'Japan', 10, 30, 19.9, true],
	['KR', 'South Korea', 3, 15, 8.25, true],
	['KR', 'South Korea', 10, 30, 18, true],
	['HK', 'Hong Kong', 1, 7, 3.99, true],
	['HK', 'Hong Kong', 5, 30, 10.5, true],
	['SG', 'Singapore', 3, 15, 7.75, true],
	['TH', 'Thailand', 5, 15, 9.5, true],
	['TH', 'Thailand', 15, 30, 21, true],
	['VN', 'Vietnam', 3, 15, 6.8, true],
	['ID', 'Indonesia', 5, 30, 11.2, true],
	['MY', 'Malaysia', 3, 15, 6.5, true],
	['TW', 'Taiwan', 5, 30, 11.75, true],
	['CN', 'China', 5, 30, 14.99, true],
	['US', 'United States', 3, 15, 9.99, true],
	['US', 'United States', 10, 30, 24.5, true],
	['GB', 'United Kingdom', 5, 30, 12, true],
	['FR', 'France', 5, 30, 11.5, true],
	['DE', 'Germany', 5, 30, 11.5, true],
	['ES', 'Spain', 3, 30, 2.5, true],
	['IT', 'Italy', 5, 30, 11.25, true],
	['AU', 'Australia', 5, 30, 13.4, true],
	['AE', 'United Arab Emirates', 3, 15, 15.6, true],
	['TR', 'Turkey', 5, 30, 10.1, true],
	['PK', 'Pakistan', 1, 7, 0.5, true],
	['RU', 'Russia', 5, 30, 9, false],
];

/** The seeded plan catalog: the same seed always gives the same plan ids. */
export function buildCatalog(state: State): Plan[] {
	return CATALOG.map(([countryCode, country, dataGb, validityDays, price, active]) => ({
		id: state.uuid(),
		name: `${country} ${dataGb}GB ${validityDays} Days`,
		countryCode,
		country,
		dataGb,
		validityDays,
		price,
		currency: 'USD',
		active,
	}));
}

/** Plans offered through `GET /available-plans`. */
export function availablePlans(state: State): Plan[] {
	return state.plans.filter((plan) => plan.active);
}

/** An active plan by id, or undefined. */
export function activePlan(state: State, id: string): Plan | undefined {
	return state.plans.find((plan) => plan.id === id && plan.active);
}
