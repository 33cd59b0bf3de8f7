import type { Plan, TopupOption } from './model';

/**
 * The plan catalog. It is the same for every seed, so prices can be relied on:
 * `ES_3_30` and `PK_0.5_Daily` carry the values of the documented examples.
 */

const COUNTRY_NAMES: Record<string, string> = {
	ES: 'Spain',
	JP: 'Japan',
	PK: 'Pakistan',
	US: 'United States',
	GB: 'United Kingdom',
	FR: 'France',
	DE: 'Germany',
	IT: 'Italy',
	TH: 'Thailand',
	TR: 'Turkey',
	AE: 'United Arab Emirates',
	SG: 'Singapore',
	AU: 'Australia',
	BR: 'Brazil',
	MX: 'Mexico',
	KR: 'South Korea',
	CN: 'China',
	IN: 'India',
	EU: 'Europe',
	GL: 'Global',
};

/** [slug, packageCode, volume GB, duration days (1 for daily plans), cost USD, sell USD] */
type Row = [string, string, number, number, number, number];

const ROWS: Row[] = [
	['ES_1_7', 'CKH001', 1, 7, 0.9, 1.3],
	['ES_3_30', 'CKH002', 3, 30, 1.8, 2.5],
	['ES_10_30', 'CKH003', 10, 30, 5.2, 7.2],
	['JP_1_7', 'JPN101', 1, 7, 1.1, 1.6],
	['JP_5_30', 'JPN105', 5, 30, 4.5, 6.3],
	['JP_10_30', 'JPN110', 10, 30, 7.9, 10.9],
	['JP_1_Daily', 'JPN1D1', 1, 1, 0.8, 1.1],
	['PK_0.5_Daily', 'PUX79Y0PK', 0.5, 1, 0.5, 0.5],
	['PK_3_30', 'PUX83A0PK', 3, 30, 2.4, 3.3],
	['US_1_7', 'USA101', 1, 7, 1.2, 1.7],
	['US_5_30', 'USA105', 5, 30, 5.5, 7.6],
	['US_20_30', 'USA120', 20, 30, 14.2, 19.7],
	['GB_3_30', 'GBR103', 3, 30, 2.1, 2.9],
	['GB_10_30', 'GBR110', 10, 30, 5.9, 8.2],
	['FR_3_30', 'FRA103', 3, 30, 1.9, 2.6],
	['DE_3_30', 'DEU103', 3, 30, 1.9, 2.6],
	['IT_3_30', 'ITA103', 3, 30, 1.9, 2.6],
	['TH_5_15', 'THA105', 5, 15, 2.8, 3.9],
	['TH_1_Daily', 'THA1D1', 1, 1, 0.6, 0.9],
	['TR_3_30', 'TUR103', 3, 30, 3.1, 4.3],
	['AE_5_30', 'ARE105', 5, 30, 7.4, 10.3],
	['SG_3_15', 'SGP103', 3, 15, 2.2, 3.1],
	['AU_5_30', 'AUS105', 5, 30, 5.1, 7.1],
	['BR_3_30', 'BRA103', 3, 30, 3.6, 5],
	['MX_3_30', 'MEX103', 3, 30, 3.3, 4.6],
	['KR_5_30', 'KOR105', 5, 30, 4.2, 5.8],
	['CN_3_30', 'CHN103', 3, 30, 3.4, 4.7],
	['IN_2_15', 'IND102', 2, 15, 1.7, 2.4],
	['EU_10_30', 'EUR110', 10, 30, 6.8, 9.4],
	['GL_3_30', 'GLB103', 3, 30, 8.5, 11.8],
];

const GB = 1024 ** 3;
const MB = 1024 ** 2;

/** Bytes of a catalog volume: GB × 1024³, or MB × 1024² for plans under 1 GB (0.5 → 500 MB). */
export function volumeToBytes(volumeGb: number): number {
	return volumeGb < 1 ? Math.round(volumeGb * 1000) * MB : Math.round(volumeGb * GB);
}

function volumeLabel(volumeGb: number): string {
	return volumeGb < 1 ? `${Math.round(volumeGb * 1000)}MB` : `${volumeGb}GB`;
}

export function countryName(locationCode: string): string {
	return COUNTRY_NAMES[locationCode] ?? locationCode;
}

const toCents = (usd: number): number => Math.round(usd * 100);

function toPlan([slug, packageCode, volume, duration, cost, sell]: Row): Plan {
	const locationCode = slug.slice(0, 2);
	const daily = slug.endsWith('_Daily');
	const country = countryName(locationCode);
	const name = daily
		? `${country} ${volumeLabel(volume)}/Day`
		: `${country} ${volumeLabel(volume)} ${duration}Days`;
	return {
		packageCode,
		slug,
		name,
		locationCode,
		volume,
		volumeBytes: volumeToBytes(volume),
		duration,
		durationUnit: 'DAY',
		daily,
		costCents: toCents(cost),
		sellCents: toCents(sell),
	};
}

export const CATALOG: readonly Plan[] = ROWS.map(toPlan);

const BY_SLUG = new Map(CATALOG.map((plan) => [plan.slug, plan]));

export function findPlan(slug: string): Plan | undefined {
	return BY_SLUG.get(slug);
}

/** [volume GB, duration days, price USD] of the top-up packages offered for every location. */
const TOPUP_ROWS: Array<[number, number, number]> = [
	[1, 7, 1.5],
	[3, 30, 3.5],
	[5, 30, 5.5],
];

/** Top-up packages for an eSIM of `locationCode`: `<LOC>_TOPUP_1GB`, `_3GB`, `_5GB`. */
export function topupOptions(locationCode: string): TopupOption[] {
	const country = countryName(locationCode);
	return TOPUP_ROWS.map(([volume, duration, price], index) => ({
		slug: `${locationCode}_TOPUP_${volume}GB`,
		packageCode: `TU${locationCode}${String(index + 1).padStart(2, '0')}`,
		name: `${country} Top-up ${volume}GB ${duration}Days`,
		locationCode,
		volume,
		volumeBytes: volumeToBytes(volume),
		duration,
		durationUnit: 'DAY',
		priceCents: toCents(price),
	}));
}
