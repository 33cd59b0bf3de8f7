/** Small seeded PRNG (mulberry32): the same seed always gives the same sequence. */
export interface Rng {
	/** Uniform float in [0, 1). */
	next(): number;
	/** Uniform integer in [0, max). */
	int(max: number): number;
	/** `length` hex characters, lowercase unless `upper`. */
	hex(length: number, upper?: boolean): string;
	/** Random decimal digits, `length` of them. */
	digits(length: number): string;
	/** True with probability `p`. */
	chance(p: number): boolean;
	/** One element of a non-empty array. */
	pick<T>(items: readonly T[]): T;
}

const BYTE_HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const BYTE_HEX_UPPER: string[] = BYTE_HEX.map((pair) => pair.toUpperCase());

export function createRng(seed: number): Rng {
	let state = seed >>> 0;
	const uint32 = (): number => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return (t ^ (t >>> 14)) >>> 0;
	};
	const next = (): number => uint32() / 4294967296;
	const int = (max: number): number => Math.floor(next() * max);
	return {
		next,
		int,
		hex(length, upper = false) {
			const table = upper ? BYTE_HEX_UPPER : BYTE_HEX;
			let out = '';
			for (let i = 0; i < length; i += 8) {
				const n = uint32();
				out +=
					table[n >>> 24]! + table[(n >>> 16) & 255]! + table[(n >>> 8) & 255]! + table[n & 255]!;
			}
			return out.length === length ? out : out.slice(0, length);
		},
		digits(length) {
			let out = '';
			while (out.length < length) out += String(uint32() % 1_000_000_000).padStart(9, '0');
			return out.slice(0, length);
		},
		chance(p) {
			if (p <= 0) return false;
			if (p >= 1) return true;
			return next() < p;
		},
		pick(items) {
			return items[int(items.length)] as (typeof items)[number];
		},
	};
}
