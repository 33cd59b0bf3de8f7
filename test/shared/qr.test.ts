import { crc32 as zlibCrc32, inflateSync } from 'node:zlib';

import { renderQrPng } from '../../nodes/shared/qr';
import {
	byteCapacity,
	chooseVersion,
	encodeBytes,
	reedSolomon,
} from '../../nodes/shared/qr/encode';
import type { QrEcc } from '../../nodes/shared/qr/encode';
import { alignmentPositions, formatBits, versionBits } from '../../nodes/shared/qr/matrix';
import { adler32, crc32, encodeGrayscalePng } from '../../nodes/shared/qr/png';
import { decodePng, scanGray, scanPng } from '../helpers/png';

const LEVELS: readonly QrEcc[] = ['L', 'M', 'Q', 'H'];
const LPA = 'LPA:1$smdp.example.com$A1B2C3D4E5F60718293A4B5C6D7E8F90';

/** The module matrix of `text` as rows of booleans (true = dark), without quiet zone. */
function encodeQr(text: string, ecc: QrEcc = 'M'): boolean[][] {
	const { size, modules } = encodeBytes(Buffer.from(text, 'utf8'), ecc);
	return Array.from({ length: size }, (_, y) =>
		Array.from({ length: size }, (_, x) => modules[y * size + x] === 1),
	);
}

/** Deterministic printable-ASCII text. */
function pseudoText(length: number, seed: number): string {
	let s = seed;
	let out = '';
	for (let i = 0; i < length; i++) {
		s = (s * 1103515245 + 12345) & 0x7fffffff;
		out += String.fromCharCode(32 + ((s >>> 8) % 95));
	}
	return out;
}

describe('QR round trip through PNG and jsQR', () => {
	const cases: Array<[string, string, number]> = [
		['short ASCII', 'Hi', 1],
		['realistic LPA string', LPA, 4],
		[
			'LPA with confirmation-code fields',
			'LPA:1$rsp.example-carrier.net$QR-G-5C-1LXY-1TWK-JRRQ$1.3.6.1.4.1.31746$1',
			5,
		],
		['300-char string', pseudoText(300, 7), 13],
		['UTF-8 text', 'Grüße aus Zürich — 東京 eSIM 📶 активация', 4],
	];

	it.each(cases)('%s', (_name, text, expectedVersion) => {
		const result = scanPng(renderQrPng(text));
		expect(result).not.toBeNull();
		expect(result?.data).toBe(text);
		expect(result?.binaryData).toEqual([...Buffer.from(text, 'utf8')]);
		expect(result?.version).toBe(expectedVersion);
	});

	// Versions from the byte-mode capacity table for 55 bytes.
	it.each([
		['L', 4],
		['M', 4],
		['Q', 5],
		['H', 6],
	] as Array<[QrEcc, number]>)('LPA string at level %s uses version %d', (ecc, version) => {
		const result = scanPng(renderQrPng(LPA, { ecc }));
		expect(result?.data).toBe(LPA);
		expect(result?.version).toBe(version);
		expect(encodeQr(LPA, ecc).length).toBe(version * 4 + 17);
	});

	it('decodes a completely full symbol at every version for level M, and spot versions for L, Q, H', () => {
		const plan: Array<[QrEcc, number]> = [];
		for (let v = 1; v <= 40; v++) plan.push(['M', v]);
		for (const ecc of ['L', 'Q', 'H'] as QrEcc[])
			for (const v of [1, 2, 7, 10, 15, 27, 40]) plan.push([ecc, v]);
		const masks = new Set<number>();
		for (const [ecc, v] of plan) {
			const text = pseudoText(byteCapacity(v, ecc), v * 4 + LEVELS.indexOf(ecc));
			masks.add(encodeBytes(Buffer.from(text), ecc).mask);
			const result = scanPng(renderQrPng(text, { ecc, scale: v > 20 ? 2 : 3, margin: 4 }));
			expect({ ecc, v, version: result?.version, ok: result?.data === text }).toEqual({
				ecc,
				v,
				version: v,
				ok: true,
			});
		}
		expect(masks.size).toBeGreaterThanOrEqual(6);
	});

	it('renders at scale 1 with no margin and at larger scales', () => {
		const size = encodeQr(LPA).length;
		const tight = decodePng(renderQrPng(LPA, { scale: 1, margin: 0 }));
		expect(tight.width).toBe(size);
		const big = decodePng(renderQrPng(LPA, { scale: 13, margin: 2 }));
		expect(big.width).toBe((size + 4) * 13);
		expect(scanGray(big.gray, big.width, big.height)?.data).toBe(LPA);
	});
});

describe('known answers from the QR specification and published references', () => {
	it('byte-mode capacity matches ISO/IEC 18004 Table 7', () => {
		const m = [
			14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666,
			711, 779, 857, 911, 997, 1059, 1125, 1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911,
			1989, 2099, 2213, 2331,
		];
		for (let v = 1; v <= 40; v++) expect([v, byteCapacity(v, 'M')]).toEqual([v, m[v - 1]]);
		expect(LEVELS.map((e) => byteCapacity(40, e))).toEqual([2953, 2331, 1663, 1273]);
		expect(LEVELS.map((e) => byteCapacity(1, e))).toEqual([17, 14, 11, 7]);
		expect(LEVELS.map((e) => byteCapacity(10, e))).toEqual([271, 213, 151, 119]);
	});

	it('chooses the smallest fitting version at level M', () => {
		expect(chooseVersion(14, 'M')).toBe(1);
		expect(chooseVersion(15, 'M')).toBe(2);
		expect(chooseVersion(55, 'M')).toBe(4);
		expect(chooseVersion(120, 'M')).toBe(7);
		expect(chooseVersion(213, 'M')).toBe(10);
		expect(chooseVersion(214, 'M')).toBe(11);
		expect(chooseVersion(300, 'M')).toBe(13);
		expect(chooseVersion(2332, 'M')).toBe(-1);
	});

	it('format information matches ISO/IEC 18004 Annex C', () => {
		const table: Record<QrEcc, string[]> = {
			L: [
				'111011111000100',
				'111001011110011',
				'111110110101010',
				'111100010011101',
				'110011000101111',
				'110001100011000',
				'110110001000001',
				'110100101110110',
			],
			M: [
				'101010000010010',
				'101000100100101',
				'101111001111100',
				'101101101001011',
				'100010111111001',
				'100000011001110',
				'100111110010111',
				'100101010100000',
			],
			Q: [
				'011010101011111',
				'011000001101000',
				'011111100110001',
				'011101000000110',
				'010010010110100',
				'010000110000011',
				'010111011011010',
				'010101111101101',
			],
			H: [
				'001011010001001',
				'001001110111110',
				'001110011100111',
				'001100111010000',
				'000011101100010',
				'000001001010101',
				'000110100001100',
				'000100000111011',
			],
		};
		for (const ecc of LEVELS) {
			for (let mask = 0; mask < 8; mask++)
				expect(formatBits(ecc, mask).toString(2).padStart(15, '0')).toBe(table[ecc][mask]);
		}
	});

	it('version information matches ISO/IEC 18004 Annex D', () => {
		expect(versionBits(7)).toBe(0x07c94);
		expect(versionBits(8)).toBe(0x085bc);
		expect(versionBits(21)).toBe(0x15683);
		expect(versionBits(40)).toBe(0x28c69);
	});

	it('alignment pattern centres match ISO/IEC 18004 Annex E', () => {
		expect(alignmentPositions(1)).toEqual([]);
		expect(alignmentPositions(2)).toEqual([6, 18]);
		expect(alignmentPositions(7)).toEqual([6, 22, 38]);
		expect(alignmentPositions(32)).toEqual([6, 34, 60, 86, 112, 138]);
		expect(alignmentPositions(36)).toEqual([6, 24, 50, 76, 102, 128, 154]);
		expect(alignmentPositions(40)).toEqual([6, 30, 58, 86, 114, 142, 170]);
	});

	it('Reed–Solomon codewords match the worked 1-M "HELLO WORLD" example', () => {
		const data = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17];
		expect([...reedSolomon(data, 10)]).toEqual([196, 35, 39, 119, 235, 215, 231, 226, 93, 23]);
	});

	it('produces the same modules as an independent encoder for "Hello, world!" (1-M, mask 2)', () => {
		const expected = [
			'#######.....#.#######',
			'#.....#..#.#..#.....#',
			'#.###.#.#.###.#.###.#',
			'#.###.#.#.....#.###.#',
			'#.###.#.##..#.#.###.#',
			'#.....#.####..#.....#',
			'#######.#.#.#.#######',
			'........#.#..........',
			'#.#####..###..#####..',
			'...##..##...##..###.#',
			'...#..#.###.###..###.',
			'.##..#.#..####.#.##..',
			'##.####.#...#.##....#',
			'........#....#####...',
			'#######..##.####..##.',
			'#.....#.#.#.##.#.###.',
			'#.###.#.##.####.#..##',
			'#.###.#.#.#....###...',
			'#.###.#.#####.##..#..',
			'#.....#...#.##..###..',
			'#######.##.#..#.#..#.',
		];
		expect(encodeBytes(Buffer.from('Hello, world!'), 'M').mask).toBe(2);
		expect(
			encodeQr('Hello, world!', 'M').map((row) => row.map((d) => (d ? '#' : '.')).join('')),
		).toEqual(expected);
	});

	it('has finder, timing and dark-module patterns in place', () => {
		const m = encodeQr(pseudoText(200, 3));
		const n = m.length;
		expect(n).toBe(10 * 4 + 17);
		const finder = ['#######', '#.....#', '#.###.#', '#.###.#', '#.###.#', '#.....#', '#######'];
		const at = (x0: number, y0: number): string[] =>
			finder.map((_, dy) =>
				m[y0 + dy]
					.slice(x0, x0 + 7)
					.map((d) => (d ? '#' : '.'))
					.join(''),
			);
		expect(at(0, 0)).toEqual(finder);
		expect(at(n - 7, 0)).toEqual(finder);
		expect(at(0, n - 7)).toEqual(finder);
		for (let i = 8; i < n - 8; i++) {
			expect(m[6][i]).toBe(i % 2 === 0);
			expect(m[i][6]).toBe(i % 2 === 0);
		}
		expect(m[n - 8][8]).toBe(true);
		expect(m.every((row) => row.length === n)).toBe(true);
	});
});

describe('PNG writer', () => {
	it('checksums match their standard check values', () => {
		expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
		expect(adler32(Buffer.from('Wikipedia'))).toBe(0x11e60398);
		const big = Buffer.from(pseudoText(100_000, 11));
		expect(crc32(big)).toBe(zlibCrc32(big));
	});

	it('writes a valid 1-bit grayscale PNG with stored deflate blocks', () => {
		const png = renderQrPng(LPA);
		const img = decodePng(png);
		expect(img.chunkTypes).toEqual(['IHDR', 'IDAT', 'IEND']);
		expect([img.width, img.height, img.bitDepth, img.colorType]).toEqual([328, 328, 1, 0]);
		expect(img.idat[0]).toBe(0x78);
		expect((img.idat[0] * 256 + img.idat[1]) % 31).toBe(0);
		expect(img.idat[2] & 0b110).toBe(0); // BTYPE 00: stored
		expect(png.length).toBeLessThan(15_000);
		// Quiet zone is white, the top-left finder corner is black.
		expect(img.gray[0]).toBe(255);
		expect(img.gray[32 * 328 + 32]).toBe(0);
	});

	it('splits large images across several stored blocks', () => {
		const img = decodePng(renderQrPng(pseudoText(300, 5), { scale: 16 }));
		let pos = 2;
		let blocks = 0;
		let total = 0;
		for (;;) {
			const header = img.idat[pos];
			expect(header & 0b110).toBe(0);
			const len = img.idat.readUInt16LE(pos + 1);
			expect(img.idat.readUInt16LE(pos + 3)).toBe(~len & 0xffff);
			pos += 5 + len;
			total += len;
			blocks++;
			if (header & 1) break;
		}
		expect(pos + 4).toBe(img.idat.length);
		expect(blocks).toBeGreaterThan(2);
		expect(total).toBe(inflateSync(img.idat).length);
	});

	it('writes odd widths with padded scanlines', () => {
		const width = 13;
		const height = 5;
		const rowBytes = Math.ceil(width / 8);
		const pixels = new Uint8Array(rowBytes * height).map((_, i) => (i * 37) & 0xff);
		const img = decodePng(encodeGrayscalePng(width, height, pixels));
		expect([img.width, img.height, img.bitDepth]).toEqual([width, height, 1]);
		const expected = Array.from({ length: width * height }, (_, i) => {
			const [y, x] = [Math.floor(i / width), i % width];
			return ((pixels[y * rowBytes + (x >>> 3)] >>> (7 - (x & 7))) & 1) * 255;
		});
		expect([...img.gray]).toEqual(expected);
		expect(() => encodeGrayscalePng(width, height, pixels.subarray(1))).toThrow(/expected 10/);
	});
});

describe('limits and validation', () => {
	it('accepts exactly the version-40 capacity and rejects one byte more', () => {
		expect(encodeQr('a'.repeat(2331), 'M').length).toBe(177);
		expect(() => encodeQr('a'.repeat(2332), 'M')).toThrow(
			new Error(
				'Text is too long for a QR code: 2332 bytes exceeds the 2331-byte limit of version 40 at error-correction level M',
			),
		);
		expect(() => encodeQr('a'.repeat(2954), 'L')).toThrow(/too long/);
		expect(() => renderQrPng('a'.repeat(1274), { ecc: 'H' })).toThrow(/1273-byte limit .* level H/);
	});

	it('counts UTF-8 bytes rather than characters', () => {
		expect(() => encodeQr('€'.repeat(778))).toThrow(/2334 bytes/);
		expect(encodeQr('€'.repeat(777)).length).toBe(177);
	});

	it('rejects invalid options with plain errors', () => {
		expect(() => renderQrPng(LPA, { scale: 0 })).toThrow(/scale/);
		expect(() => renderQrPng(LPA, { scale: 2.5 })).toThrow(/scale/);
		expect(() => renderQrPng(LPA, { margin: -1 })).toThrow(/margin/);
		expect(() => encodeQr(LPA, 'X' as QrEcc)).toThrow(/error-correction level/);
		expect(() => encodeQr(LPA, 'constructor' as QrEcc)).toThrow(/error-correction level/);
	});

	it('encodes the empty string as a version-1 symbol', () => {
		expect(encodeQr('').length).toBe(21);
	});
});
