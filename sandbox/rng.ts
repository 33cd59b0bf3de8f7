/** Small seeded PRNG (mulberry32): the same seed always gives the same sequence. */
export interface Rng {
	/** Uniform float in [0, 1). */
	next(): number;
	/** Uniform integer in [0, max). */
	int(max: number): number;
	/** `length` lowercase hex characters. */
	hex(length: number): string;
	/** Random decimal digits, `length` of them. */
	digits(length: number): string;
	/** True with probability `p`. */
	chance(p: number): boolean;
	/** One element of a non-empty array. */
	pick<T>(items: readonly T[]): T;
}

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
		hex(length) {
			let out = '';
			while (out.length < length) out += uint32().toString(16).padStart(8, '0');
			return out.slice(0, length);
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
