/** Error-correction level: roughly 7 %, 15 %, 25 % or 30 % of codewords recoverable. */
export type QrEcc = 'L' | 'M' | 'Q' | 'H';

/** A finished symbol: `size` × `size` modules, row-major, 1 = dark, without quiet zone. */
export interface QrMatrix {
	version: number;
	ecc: QrEcc;
	/** Data mask pattern 0–7 chosen by the penalty rules. */
	mask: number;
	size: number;
	modules: Uint8Array;
}
