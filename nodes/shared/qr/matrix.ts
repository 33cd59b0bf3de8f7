/**
 * Module placement for a QR Code Model 2 symbol: function patterns, codeword
 * placement, the eight data masks with penalty scoring, and the format and
 * version information.
 */

import type { QrEcc, QrMatrix } from './types';

/** The two-bit error-correction indicator stored in the format information. */
const ECC_FORMAT_BITS: Record<QrEcc, number> = { L: 1, M: 0, Q: 3, H: 2 };

const PENALTY_N1 = 3;
const PENALTY_N2 = 3;
const PENALTY_N3 = 40;
const PENALTY_N4 = 10;

/** Data mask conditions; a module is inverted where the condition holds. */
const MASKS: ReadonlyArray<(x: number, y: number) => boolean> = [
	(x, y) => (x + y) % 2 === 0,
	(_x, y) => y % 2 === 0,
	(x) => x % 3 === 0,
	(x, y) => (x + y) % 3 === 0,
	(x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
	(x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
	(x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
	(x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

/** Centre coordinates of the alignment patterns along one axis. */
export function alignmentPositions(version: number): number[] {
	if (version === 1) return [];
	const size = version * 4 + 17;
	const count = Math.floor(version / 7) + 2;
	const step = version === 32 ? 26 : Math.ceil((version * 4 + 4) / (count * 2 - 2)) * 2;
	const result = [6];
	for (let pos = size - 7; result.length < count; pos -= step) result.splice(1, 0, pos);
	return result;
}

/** The 15-bit format information word (BCH(15,5) code, XOR-masked with 0x5412). */
export function formatBits(ecc: QrEcc, mask: number): number {
	const data = (ECC_FORMAT_BITS[ecc] << 3) | mask;
	let rem = data;
	for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
	return ((data << 10) | rem) ^ 0x5412;
}

/** The 18-bit version information word (BCH(18,6) code), used from version 7. */
export function versionBits(version: number): number {
	let rem = version;
	for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25);
	return (version << 12) | rem;
}

class Grid {
	readonly modules: Uint8Array;
	readonly isFunction: Uint8Array;

	constructor(readonly size: number) {
		this.modules = new Uint8Array(size * size);
		this.isFunction = new Uint8Array(size * size);
	}

	setFunction(x: number, y: number, dark: boolean): void {
		const i = y * this.size + x;
		this.modules[i] = dark ? 1 : 0;
		this.isFunction[i] = 1;
	}
}

function drawFinder(grid: Grid, cx: number, cy: number): void {
	for (let dy = -4; dy <= 4; dy++) {
		for (let dx = -4; dx <= 4; dx++) {
			const x = cx + dx;
			const y = cy + dy;
			if (x < 0 || y < 0 || x >= grid.size || y >= grid.size) continue;
			const dist = Math.max(Math.abs(dx), Math.abs(dy));
			grid.setFunction(x, y, dist !== 2 && dist !== 4);
		}
	}
}

function drawFormat(grid: Grid, ecc: QrEcc, mask: number): void {
	const bits = formatBits(ecc, mask);
	const bit = (i: number): boolean => ((bits >>> i) & 1) !== 0;
	const size = grid.size;
	for (let i = 0; i <= 5; i++) grid.setFunction(8, i, bit(i));
	grid.setFunction(8, 7, bit(6));
	grid.setFunction(8, 8, bit(7));
	grid.setFunction(7, 8, bit(8));
	for (let i = 9; i < 15; i++) grid.setFunction(14 - i, 8, bit(i));
	for (let i = 0; i < 8; i++) grid.setFunction(size - 1 - i, 8, bit(i));
	for (let i = 8; i < 15; i++) grid.setFunction(8, size - 15 + i, bit(i));
	grid.setFunction(8, size - 8, true);
}

function drawFunctionPatterns(grid: Grid, version: number, ecc: QrEcc): void {
	const size = grid.size;
	for (let i = 0; i < size; i++) {
		grid.setFunction(6, i, i % 2 === 0);
		grid.setFunction(i, 6, i % 2 === 0);
	}
	drawFinder(grid, 3, 3);
	drawFinder(grid, size - 4, 3);
	drawFinder(grid, 3, size - 4);

	const positions = alignmentPositions(version);
	const last = positions.length - 1;
	for (let i = 0; i <= last; i++) {
		for (let j = 0; j <= last; j++) {
			if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) continue;
			for (let dy = -2; dy <= 2; dy++) {
				for (let dx = -2; dx <= 2; dx++) {
					grid.setFunction(
						positions[i] + dx,
						positions[j] + dy,
						Math.max(Math.abs(dx), Math.abs(dy)) !== 1,
					);
				}
			}
		}
	}

	// Reserve the format areas; the real bits are written once the mask is known.
	drawFormat(grid, ecc, 0);

	if (version >= 7) {
		const bits = versionBits(version);
		for (let i = 0; i < 18; i++) {
			const dark = ((bits >>> i) & 1) !== 0;
			const a = size - 11 + (i % 3);
			const b = Math.floor(i / 3);
			grid.setFunction(a, b, dark);
			grid.setFunction(b, a, dark);
		}
	}
}

/** Places codeword bits in the two-column zigzag, skipping function modules. */
function placeCodewords(grid: Grid, codewords: Uint8Array): void {
	const size = grid.size;
	const totalBits = codewords.length * 8;
	let bitIndex = 0;
	for (let right = size - 1; right >= 1; right -= 2) {
		if (right === 6) right = 5;
		const upward = ((right + 1) & 2) === 0;
		for (let vert = 0; vert < size; vert++) {
			const y = upward ? size - 1 - vert : vert;
			for (let j = 0; j < 2; j++) {
				const i = y * size + right - j;
				if (grid.isFunction[i] || bitIndex >= totalBits) continue;
				grid.modules[i] = (codewords[bitIndex >>> 3] >>> (7 - (bitIndex & 7))) & 1;
				bitIndex++;
			}
		}
	}
}

function applyMask(grid: Grid, mask: number): void {
	const size = grid.size;
	const cond = MASKS[mask];
	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) {
			const i = y * size + x;
			if (!grid.isFunction[i] && cond(x, y)) grid.modules[i] ^= 1;
		}
	}
}

/**
 * Rules 1 and 3 along one row or column: long runs and finder-like patterns.
 * `line` is scratch space of `size + 8` bytes; the four modules on each side
 * stand for the light quiet zone.
 */
function linePenalty(
	m: Uint8Array,
	start: number,
	stride: number,
	size: number,
	line: Uint8Array,
): number {
	let penalty = 0;
	let runColor = -1;
	let runLen = 0;
	for (let k = 0; k < size; k++) {
		const c = m[start + k * stride];
		line[k + 4] = c;
		if (c === runColor) {
			runLen++;
		} else {
			if (runLen >= 5) penalty += PENALTY_N1 + runLen - 5;
			runColor = c;
			runLen = 1;
		}
	}
	if (runLen >= 5) penalty += PENALTY_N1 + runLen - 5;

	// Dark-light-dark×3-light-dark with four light modules before or after it.
	for (let k = 4; k + 7 <= size + 4; k++) {
		if (
			line[k] === 1 &&
			line[k + 1] === 0 &&
			line[k + 2] === 1 &&
			line[k + 3] === 1 &&
			line[k + 4] === 1 &&
			line[k + 5] === 0 &&
			line[k + 6] === 1 &&
			((line[k - 1] | line[k - 2] | line[k - 3] | line[k - 4]) === 0 ||
				(line[k + 7] | line[k + 8] | line[k + 9] | line[k + 10]) === 0)
		) {
			penalty += PENALTY_N3;
		}
	}
	return penalty;
}

/** Total penalty score of a masked symbol under the four ISO/IEC 18004 rules. */
function penaltyScore(m: Uint8Array, size: number): number {
	let penalty = 0;
	const line = new Uint8Array(size + 8);
	for (let i = 0; i < size; i++) {
		penalty += linePenalty(m, i * size, 1, size, line);
		penalty += linePenalty(m, i, size, size, line);
	}
	for (let y = 0; y + 1 < size; y++) {
		for (let x = 0; x + 1 < size; x++) {
			const i = y * size + x;
			const c = m[i];
			if (c === m[i + 1] && c === m[i + size] && c === m[i + size + 1]) penalty += PENALTY_N2;
		}
	}
	let dark = 0;
	for (let i = 0; i < m.length; i++) dark += m[i];
	const total = m.length;
	penalty += Math.floor(Math.abs(dark * 20 - total * 10) / total) * PENALTY_N4;
	return penalty;
}

/** Builds the complete symbol, trying every mask and keeping the lowest penalty. */
export function buildMatrix(version: number, ecc: QrEcc, codewords: Uint8Array): QrMatrix {
	const size = version * 4 + 17;
	const grid = new Grid(size);
	drawFunctionPatterns(grid, version, ecc);
	placeCodewords(grid, codewords);

	const unmasked = grid.modules.slice();
	let bestMask = 0;
	let bestPenalty = Infinity;
	for (let mask = 0; mask < MASKS.length; mask++) {
		applyMask(grid, mask);
		drawFormat(grid, ecc, mask);
		const penalty = penaltyScore(grid.modules, size);
		if (penalty < bestPenalty) {
			bestPenalty = penalty;
			bestMask = mask;
		}
		grid.modules.set(unmasked);
	}
	applyMask(grid, bestMask);
	drawFormat(grid, ecc, bestMask);
	return { version, ecc, mask: bestMask, size, modules: grid.modules };
}
