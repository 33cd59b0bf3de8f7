// Reads the text of a QR code in a PNG (the grayscale PNGs the nodes render), with jsQR: the demo and the
// e2e suite check that the QR image a customer receives encodes that eSIM's activation code.
import { inflateSync } from 'node:zlib';
import jsQR from 'jsqr';

/** Decodes a 1-bit or 8-bit grayscale, non-interlaced PNG into RGBA pixels. */
function decodeGrayPng(png) {
	let offset = 8;
	let width = 0;
	let height = 0;
	let depth = 8;
	let colorType = 0;
	const idat = [];
	while (offset < png.length) {
		const length = png.readUInt32BE(offset);
		const type = png.toString('ascii', offset + 4, offset + 8);
		const data = png.subarray(offset + 8, offset + 8 + length);
		if (type === 'IHDR') {
			width = data.readUInt32BE(0);
			height = data.readUInt32BE(4);
			depth = data[8];
			colorType = data[9];
		}
		if (type === 'IDAT') idat.push(data);
		offset += 12 + length;
	}
	if (colorType !== 0 || (depth !== 1 && depth !== 8))
		throw new Error(`unsupported PNG (colour type ${colorType}, depth ${depth})`);
	const raw = inflateSync(Buffer.concat(idat));
	const stride = Math.ceil((width * depth) / 8);
	const rgba = new Uint8ClampedArray(width * height * 4);
	for (let y = 0; y < height; y++) {
		if (raw[y * (stride + 1)] !== 0) throw new Error('unsupported PNG row filter');
		for (let x = 0; x < width; x++) {
			const byte = raw[y * (stride + 1) + 1 + Math.floor((x * depth) / 8)];
			const value = depth === 1 ? ((byte >> (7 - (x % 8))) & 1) * 255 : byte;
			rgba.set([value, value, value, 255], (y * width + x) * 4);
		}
	}
	return { rgba, width, height };
}

/** The text of the QR code in `png` (a Buffer), or undefined when none is found. */
export function decodeQrPng(png) {
	const { rgba, width, height } = decodeGrayPng(png);
	// jsqr is a CommonJS module whose default export is the decoder function.
	const decode = /** @type {any} */ (jsQR);
	return (decode.default ?? decode)(rgba, width, height)?.data;
}
