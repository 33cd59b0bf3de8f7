/**
 * QR Code Model 2 encoder (ISO/IEC 18004): a single byte-mode segment,
 * versions 1–40, Reed–Solomon error correction over GF(256) and automatic
 * mask selection using the four standard penalty rules.
 */

import { buildMatrix } from './matrix';
import type { QrEcc, QrMatrix } from './types';

export type { QrEcc, QrMatrix } from './types';

const ECC_LEVELS: readonly QrEcc[] = ['L', 'M', 'Q', 'H'];
const ECC_INDEX: Record<QrEcc, number> = { L: 0, M: 1, Q: 2, H: 3 };

/** Error-correction codewords per block, indexed [level][version]. */
const ECC_CODEWORDS_PER_BLOCK: readonly (readonly number[])[] = [
	[
		-1, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30,
		30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
	],
	[
		-1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28,
		28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
	],
	[
		-1, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30,
		30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
	],
	[
		-1, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30,
		30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
	],
];

/** Number of error-correction blocks, indexed [level][version]. */
const NUM_ECC_BLOCKS: readonly (readonly number[])[] = [
	[
		-1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14,
		15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25,
	],
	[
		-1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23,
		25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
	],
	[
		-1, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34,
		34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68,
	],
	[
		-1, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35,
		37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81,
	],
];

const MIN_VERSION = 1;
const MAX_VERSION = 40;

/* ---------- GF(256) arithmetic, primitive polynomial x^8 + x^4 + x^3 + x^2 + 1 ---------- */

const GF_EXP = new Uint8Array(512);
const GF_LOG = new Uint8Array(256);
{
	let x = 1;
	for (let i = 0; i < 255; i++) {
		GF_EXP[i] = x;
		GF_LOG[x] = i;
		x <<= 1;
		if (x & 0x100) x ^= 0x11d;
	}
	for (let i = 255; i < 512; i++) GF_EXP[i] = GF_EXP[i - 255];
}

function gfMul(a: number, b: number): number {
	return a === 0 || b === 0 ? 0 : GF_EXP[GF_LOG[a] + GF_LOG[b]];
}

const generatorCache = new Map<number, Uint8Array>();

/**
 * Coefficients of the generator polynomial (x - α^0)(x - α^1)…(x - α^(degree-1)),
 * highest power first, with the leading 1 omitted.
 */
function rsGenerator(degree: number): Uint8Array {
	const cached = generatorCache.get(degree);
	if (cached) return cached;
	const poly = new Uint8Array(degree);
	poly[degree - 1] = 1;
	let root = 1;
	for (let i = 0; i < degree; i++) {
		for (let j = 0; j < degree; j++) {
			poly[j] = gfMul(poly[j], root);
			if (j + 1 < degree) poly[j] ^= poly[j + 1];
		}
		root = gfMul(root, 2);
	}
	generatorCache.set(degree, poly);
	return poly;
}

/** Reed–Solomon error-correction codewords for `data` (remainder of data·x^n mod generator). */
export function reedSolomon(data: ArrayLike<number>, degree: number): Uint8Array {
	const gen = rsGenerator(degree);
	const rem = new Uint8Array(degree);
	for (let i = 0; i < data.length; i++) {
		const factor = data[i] ^ rem[0];
		rem.copyWithin(0, 1);
		rem[degree - 1] = 0;
		if (factor === 0) continue;
		const logF = GF_LOG[factor];
		for (let j = 0; j < degree; j++) {
			if (gen[j] !== 0) rem[j] ^= GF_EXP[GF_LOG[gen[j]] + logF];
		}
	}
	return rem;
}

/* ---------- Capacity ---------- */

/** Modules available for data and error correction (everything except function patterns). */
function rawDataModules(version: number): number {
	let result = (16 * version + 128) * version + 64;
	if (version >= 2) {
		const numAlign = Math.floor(version / 7) + 2;
		result -= (25 * numAlign - 10) * numAlign - 55;
		if (version >= 7) result -= 36;
	}
	return result;
}

/** Data codewords (excluding error correction) for a version and level. */
function dataCodewords(version: number, ecc: QrEcc): number {
	const e = ECC_INDEX[ecc];
	return (
		Math.floor(rawDataModules(version) / 8) -
		ECC_CODEWORDS_PER_BLOCK[e][version] * NUM_ECC_BLOCKS[e][version]
	);
}

function charCountBits(version: number): number {
	return version <= 9 ? 8 : 16;
}

/** Largest number of bytes a byte-mode segment can hold at a version and level. */
export function byteCapacity(version: number, ecc: QrEcc): number {
	const bits = dataCodewords(version, ecc) * 8 - 4 - charCountBits(version);
	return Math.min(Math.floor(bits / 8), (1 << charCountBits(version)) - 1);
}

/** Smallest version whose byte-mode capacity at `ecc` holds `byteLength` bytes, or -1. */
export function chooseVersion(byteLength: number, ecc: QrEcc): number {
	for (let v = MIN_VERSION; v <= MAX_VERSION; v++) {
		if (byteCapacity(v, ecc) >= byteLength) return v;
	}
	return -1;
}

/* ---------- Codeword construction ---------- */

/** Mode indicator, count, payload, terminator, bit padding and pad codewords. */
function buildDataCodewords(bytes: Uint8Array, version: number, ecc: QrEcc): Uint8Array {
	const capacity = dataCodewords(version, ecc);
	const out = new Uint8Array(capacity);
	let bitLen = 0;
	const put = (value: number, len: number): void => {
		for (let i = len - 1; i >= 0; i--) {
			if ((value >>> i) & 1) out[bitLen >>> 3] |= 0x80 >>> (bitLen & 7);
			bitLen++;
		}
	};
	put(0b0100, 4);
	put(bytes.length, charCountBits(version));
	for (const b of bytes) put(b, 8);
	put(0, Math.min(4, capacity * 8 - bitLen));
	bitLen = (bitLen + 7) & ~7;
	for (let i = bitLen >>> 3, pad = 0xec; i < capacity; i++, pad ^= 0xec ^ 0x11) out[i] = pad;
	return out;
}

/** Splits data into blocks, appends error correction and interleaves the result. */
function addEccAndInterleave(data: Uint8Array, version: number, ecc: QrEcc): Uint8Array {
	const e = ECC_INDEX[ecc];
	const numBlocks = NUM_ECC_BLOCKS[e][version];
	const eccLen = ECC_CODEWORDS_PER_BLOCK[e][version];
	const rawCodewords = Math.floor(rawDataModules(version) / 8);
	const numShortBlocks = numBlocks - (rawCodewords % numBlocks);
	const shortDataLen = Math.floor(rawCodewords / numBlocks) - eccLen;

	const dataBlocks: Uint8Array[] = [];
	const eccBlocks: Uint8Array[] = [];
	for (let i = 0, k = 0; i < numBlocks; i++) {
		const len = shortDataLen + (i < numShortBlocks ? 0 : 1);
		const block = data.subarray(k, k + len);
		k += len;
		dataBlocks.push(block);
		eccBlocks.push(reedSolomon(block, eccLen));
	}

	const out = new Uint8Array(rawCodewords);
	let pos = 0;
	for (let i = 0; i <= shortDataLen; i++) {
		for (const block of dataBlocks) if (i < block.length) out[pos++] = block[i];
	}
	for (let i = 0; i < eccLen; i++) {
		for (const block of eccBlocks) out[pos++] = block[i];
	}
	return out;
}

/* ---------- Public entry point ---------- */

/** Encodes `bytes` as a byte-mode QR symbol in the smallest version that fits. */
export function encodeBytes(bytes: Uint8Array, ecc: QrEcc = 'M'): QrMatrix {
	if (!(ECC_LEVELS as readonly string[]).includes(ecc)) {
		throw new Error(`Invalid QR error-correction level "${String(ecc)}"; expected L, M, Q or H`);
	}
	const version = chooseVersion(bytes.length, ecc);
	if (version < 0) {
		throw new Error(
			`Text is too long for a QR code: ${bytes.length} bytes exceeds the ` +
				`${byteCapacity(MAX_VERSION, ecc)}-byte limit of version 40 at error-correction level ${ecc}`,
		);
	}
	const codewords = addEccAndInterleave(buildDataCodewords(bytes, version, ecc), version, ecc);
	return buildMatrix(version, ecc, codewords);
}
