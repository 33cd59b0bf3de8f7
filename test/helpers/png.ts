import { crc32 as zlibCrc32, inflateSync } from 'node:zlib';
import jsQR from 'jsqr';

/** A decoded grayscale PNG with the parts the tests look at. */
export interface DecodedPng {
	width: number;
	height: number;
	bitDepth: number;
	colorType: number;
	chunkTypes: string[];
	idat: Buffer;
	/** One byte per pixel, 0 = black, 255 = white. */
	gray: Uint8Array;
}

/** Parses a grayscale PNG (bit depth 1 or 8, filter type 0), checking every chunk CRC. */
export function decodePng(png: Buffer): DecodedPng {
	expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	const chunkTypes: string[] = [];
	const idatParts: Buffer[] = [];
	let ihdr: Buffer | undefined;
	let pos = 8;
	while (pos < png.length) {
		const len = png.readUInt32BE(pos);
		const type = png.toString('latin1', pos + 4, pos + 8);
		const data = png.subarray(pos + 8, pos + 8 + len);
		const crc = png.readUInt32BE(pos + 8 + len);
		expect(crc).toBe(zlibCrc32(png.subarray(pos + 4, pos + 8 + len)));
		chunkTypes.push(type);
		if (type === 'IHDR') ihdr = data;
		if (type === 'IDAT') idatParts.push(data);
		pos += 12 + len;
	}
	expect(pos).toBe(png.length);
	if (!ihdr) throw new Error('missing IHDR');
	const width = ihdr.readUInt32BE(0);
	const height = ihdr.readUInt32BE(4);
	const bitDepth = ihdr[8];
	const colorType = ihdr[9];
	const idat = Buffer.concat(idatParts);
	const raw = inflateSync(idat);
	const rowBytes = Math.ceil((width * bitDepth) / 8);
	expect(raw.length).toBe((rowBytes + 1) * height);
	const gray = new Uint8Array(width * height);
	for (let y = 0; y < height; y++) {
		const row = y * (rowBytes + 1);
		expect(raw[row]).toBe(0);
		for (let x = 0; x < width; x++) {
			gray[y * width + x] =
				bitDepth === 1
					? ((raw[row + 1 + (x >>> 3)] >>> (7 - (x & 7))) & 1) * 255
					: raw[row + 1 + x];
		}
	}
	return { width, height, bitDepth, colorType, chunkTypes, idat, gray };
}

/** Scans a grayscale raster (0 = black, 255 = white) for a QR code. */
export function scanGray(gray: Uint8Array, width: number, height: number): ReturnType<typeof jsQR> {
	const rgba = new Uint8ClampedArray(width * height * 4);
	for (let i = 0; i < gray.length; i++) {
		rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = gray[i];
		rgba[i * 4 + 3] = 255;
	}
	return jsQR(rgba, width, height, { inversionAttempts: 'dontInvert' });
}

/** Decodes a PNG and scans it for a QR code (null when none is found). */
export function scanPng(png: Buffer): ReturnType<typeof jsQR> {
	const img = decodePng(png);
	return scanGray(img.gray, img.width, img.height);
}
