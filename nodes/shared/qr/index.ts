/**
 * QR code rendering for activation strings as PNG images.
 * Text is encoded as UTF-8 in a single byte-mode segment.
 */

import { encodeBytes } from './encode';
import type { QrEcc, QrMatrix } from './types';
import { encodeGrayscalePng, pngRowBytes } from './png';

export type { QrEcc } from './types';

export interface QrPngOptions {
	/** Pixels per module (default 8). */
	scale?: number;
	/** Quiet zone width in modules (default 4). */
	margin?: number;
	/** Error-correction level (default 'M'). */
	ecc?: QrEcc;
}

const DEFAULT_SCALE = 8;
const DEFAULT_MARGIN = 4;
const MAX_SCALE = 64;
const MAX_MARGIN = 64;

function encodeText(text: string, ecc: QrEcc | undefined): QrMatrix {
	if (typeof text !== 'string') throw new Error('QR code text must be a string');
	return encodeBytes(Buffer.from(text, 'utf8'), ecc ?? 'M');
}

function checkInteger(name: string, value: number, min: number, max: number): number {
	if (!Number.isInteger(value) || value < min || value > max) {
		throw new Error(`QR ${name} must be an integer from ${min} to ${max}, got ${String(value)}`);
	}
	return value;
}

/** Renders `text` as a black-on-white 1-bit grayscale PNG. */
export function renderQrPng(text: string, opts: QrPngOptions = {}): Buffer {
	const scale = checkInteger('scale', opts.scale ?? DEFAULT_SCALE, 1, MAX_SCALE);
	const margin = checkInteger('margin', opts.margin ?? DEFAULT_MARGIN, 0, MAX_MARGIN);
	const { size, modules } = encodeText(text, opts.ecc);

	const side = (size + margin * 2) * scale;
	const rowBytes = pngRowBytes(side);
	// Start all white (1 bits); padding bits past the last pixel stay set as well.
	const pixels = new Uint8Array(rowBytes * side).fill(0xff);
	const line = new Uint8Array(rowBytes);

	for (let y = 0; y < size; y++) {
		line.fill(0xff);
		for (let x = 0; x < size; x++) {
			if (modules[y * size + x] !== 1) continue;
			const px0 = (x + margin) * scale;
			for (let px = px0; px < px0 + scale; px++) line[px >>> 3] &= ~(0x80 >>> (px & 7));
		}
		const firstRow = (y + margin) * scale;
		for (let r = 0; r < scale; r++) pixels.set(line, (firstRow + r) * rowBytes);
	}
	return encodeGrayscalePng(side, side, pixels);
}
