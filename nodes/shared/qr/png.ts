/**
 * Minimal grayscale PNG writer. Image data is wrapped in a zlib stream made of
 * stored (uncompressed) deflate blocks, so no compression library is needed;
 * CRC-32 and Adler-32 are computed here.
 */

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Largest payload of a single stored deflate block. */
const MAX_STORED_BLOCK = 0xffff;

const CRC_TABLE = ((): Uint32Array => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

/** CRC-32 (ISO 3309 / ITU-T V.42, as used by PNG), continuing from `crc`. */
export function crc32(data: Uint8Array, crc = 0): number {
	let c = ~crc >>> 0;
	for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
	return ~c >>> 0;
}

/** Adler-32 checksum (RFC 1950). */
export function adler32(data: Uint8Array): number {
	const MOD = 65521;
	// 5552 is the largest run that cannot overflow 32-bit sums before reduction.
	const NMAX = 5552;
	let a = 1;
	let b = 0;
	for (let i = 0; i < data.length;) {
		const end = Math.min(i + NMAX, data.length);
		for (; i < end; i++) {
			a += data[i];
			b += a;
		}
		a %= MOD;
		b %= MOD;
	}
	return ((b << 16) | a) >>> 0;
}

/** Wraps `data` in a zlib stream of stored deflate blocks. */
function zlibStored(data: Uint8Array): Buffer {
	const blockCount = Math.max(1, Math.ceil(data.length / MAX_STORED_BLOCK));
	const out = Buffer.alloc(2 + blockCount * 5 + data.length + 4);
	// CMF: deflate, 32 KiB window; FLG: no dictionary, fastest level, FCHECK so CMF·256+FLG ≡ 0 (mod 31).
	out[0] = 0x78;
	out[1] = 0x01;
	let pos = 2;
	for (let block = 0; block < blockCount; block++) {
		const start = block * MAX_STORED_BLOCK;
		const len = Math.min(MAX_STORED_BLOCK, data.length - start);
		out[pos++] = block === blockCount - 1 ? 1 : 0; // BFINAL bit, BTYPE = 00 (stored)
		out.writeUInt16LE(len, pos);
		out.writeUInt16LE(~len & 0xffff, pos + 2);
		pos += 4;
		out.set(data.subarray(start, start + len), pos);
		pos += len;
	}
	out.writeUInt32BE(adler32(data), pos);
	return out;
}

function chunk(type: string, data: Uint8Array): Buffer {
	const out = Buffer.alloc(12 + data.length);
	out.writeUInt32BE(data.length, 0);
	out.write(type, 4, 'latin1');
	out.set(data, 8);
	out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
	return out;
}

/** Bytes in one packed scanline (without the filter byte). */
export function pngRowBytes(width: number): number {
	return Math.ceil(width / 8);
}

/**
 * Encodes a 1-bit grayscale image. `pixels` holds `height` packed scanlines of
 * `pngRowBytes(width)` bytes each, most significant bit first; a 0 bit is black
 * and a 1 bit is white.
 */
export function encodeGrayscalePng(width: number, height: number, pixels: Uint8Array): Buffer {
	if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
		throw new Error(`Invalid PNG dimensions ${width}×${height}`);
	}
	const rowBytes = pngRowBytes(width);
	if (pixels.length !== rowBytes * height) {
		throw new Error(`PNG pixel buffer has ${pixels.length} bytes, expected ${rowBytes * height}`);
	}

	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(width, 0);
	ihdr.writeUInt32BE(height, 4);
	ihdr[8] = 1; // bit depth
	ihdr[9] = 0; // colour type: grayscale
	ihdr[10] = 0; // compression: deflate
	ihdr[11] = 0; // filter method 0
	ihdr[12] = 0; // no interlace

	// Each scanline is prefixed with filter type 0 (None).
	const raw = new Uint8Array((rowBytes + 1) * height);
	for (let y = 0; y < height; y++) {
		raw.set(pixels.subarray(y * rowBytes, (y + 1) * rowBytes), y * (rowBytes + 1) + 1);
	}

	return Buffer.concat([
		PNG_SIGNATURE,
		chunk('IHDR', ihdr),
		chunk('IDAT', zlibStored(raw)),
		chunk('IEND', new Uint8Array(0)),
	]);
}
