import { luhnDigit } from '../../nodes/shared/esim/iccid';
import type { Rng } from '../rng';

export const SMDP_ADDRESS = 'smdp.sandbox.esimtrade.test';
const ICCID_PREFIX = '8948010000';

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

let cachedMinute = -1;
let cachedStamp = '';

/** `yymmddHHMM` in UTC, the date part of order and top-up numbers. */
export function minuteStamp(at: number): string {
	const minute = Math.floor(at / 60_000);
	if (minute === cachedMinute) return cachedStamp;
	const d = new Date(at);
	cachedMinute = minute;
	cachedStamp =
		pad2(d.getUTCFullYear() % 100) +
		pad2(d.getUTCMonth() + 1) +
		pad2(d.getUTCDate()) +
		pad2(d.getUTCHours()) +
		pad2(d.getUTCMinutes());
	return cachedStamp;
}

/**
 * Generates the identifiers of the simulator. Order numbers look like the
 * documented `B26022703140001`: `B` + yymmddHHMM + a 4-digit sequence within
 * that minute (widened past 9999 so numbers stay unique).
 */
export class IdFactory {
	private perMinute = new Map<string, number>();
	private iccidBase: number;
	private iccidCount = 0;
	private lastTransaction = 0;

	constructor(private readonly rng: Rng) {
		this.iccidBase = 100_000_000 + rng.int(400_000_000);
	}

	private numbered(prefix: string, at: number): string {
		const stamp = minuteStamp(at);
		const key = prefix + stamp;
		const next = (this.perMinute.get(key) ?? 0) + 1;
		this.perMinute.set(key, next);
		return key + String(next).padStart(4, '0');
	}

	orderNo(at: number): string {
		return this.numbered('B', at);
	}

	topupNo(at: number): string {
		return this.numbered('T', at);
	}

	/** `gs_<ms>` like the documented example, unique per simulator. */
	transactionId(at: number): string {
		this.lastTransaction = Math.max(at, this.lastTransaction + 1);
		return `gs_${this.lastTransaction}`;
	}

	/** 19 digits: `8948010000` + 8 digits, unique per simulator, + the Luhn check digit (ITU-T E.118). */
	iccid(): string {
		this.iccidCount += 1;
		const body =
			ICCID_PREFIX + String((this.iccidBase + this.iccidCount) % 100_000_000).padStart(8, '0');
		return body + luhnDigit(body);
	}

	/** `26001` + the last 10 digits of the ICCID: unique along with it, and free to compute. */
	imsi(iccid: string): string {
		return '26001' + iccid.slice(-10);
	}

	matchingId(): string {
		return this.rng.hex(32, true);
	}
}

export function activationCode(matchingId: string): string {
	return `LPA:1$${SMDP_ADDRESS}$${matchingId}`;
}
