import type { ServerResponse } from 'node:http';
import { constants, createBrotliCompress, createDeflate, gzipSync } from 'node:zlib';

/**
 * Compressed replies that decode to far more than they weigh ("zip bombs"),
 * built at test time. A gzip reply may hold several members one after the
 * other, which decode to their texts joined: one member of 1 MB repeated 1024
 * times is about 1 MB on the wire and 1 GB once decoded.
 */

const MB = 1024 * 1024;

export interface Bomb {
	/** The compressed bytes, as sent. */
	wire: Buffer;
	/** What they decode to, in bytes. */
	decoded: number;
}

/** `prefix`, then `unit` repeated to about `decoded` bytes, then `suffix`: gzip members. */
export function gzipBomb(prefix: string, unit: string, decoded: number, suffix = ''): Bomb {
	const block = Buffer.from(unit.repeat(Math.max(1, Math.floor(MB / unit.length))));
	const member = gzipSync(block, { level: 9 });
	const count = Math.max(1, Math.round(decoded / block.length));
	const parts = [gzipSync(prefix), ...Array.from({ length: count }, () => member)];
	if (suffix) parts.push(gzipSync(suffix));
	return {
		wire: Buffer.concat(parts),
		decoded: prefix.length + block.length * count + suffix.length,
	};
}

/** Sends a prepared bomb with its Content-Encoding; counts the wire bytes the client took. */
export function sendBomb(
	res: ServerResponse,
	bomb: Bomb,
	contentType = 'application/json',
	status = 200,
): void {
	res.writeHead(status, {
		'content-type': contentType,
		'content-encoding': 'gzip',
		'content-length': bomb.wire.length,
	});
	res.end(bomb.wire);
}

/**
 * Streams `prefix` + `unit`… (up to `decoded` bytes) compressed as deflate or
 * br while the client keeps reading, with backpressure: when the client stops
 * reading, compression stops too. Resolves with the decoded bytes fed in.
 */
export async function streamBomb(
	res: ServerResponse,
	encoding: 'deflate' | 'br',
	prefix: string,
	unit: string,
	decoded: number,
	status = 200,
): Promise<number> {
	const compressor =
		encoding === 'br'
			? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 1 } })
			: createDeflate({ level: 1 });
	res.writeHead(status, { 'content-type': 'application/json', 'content-encoding': encoding });
	compressor.pipe(res);
	const block = Buffer.from(unit.repeat(Math.max(1, Math.floor((256 * 1024) / unit.length))));
	let fed = 0;
	let closed = false;
	let wake = () => {};
	res.on('close', () => {
		closed = true;
		compressor.destroy();
		wake();
	});
	compressor.on('drain', () => wake());
	compressor.write(prefix);
	fed += prefix.length;
	while (!closed && fed < decoded) {
		fed += block.length;
		if (!compressor.write(block)) {
			await new Promise<void>((resolve) => {
				wake = resolve;
			});
		}
	}
	if (!closed) compressor.end();
	return fed;
}

/** Samples the process's resident memory while `run` runs: the peak above the level before it. */
export async function peakRss<T>(run: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
	const before = process.memoryUsage().rss;
	let peak = before;
	const timer = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage().rss);
	}, 5);
	try {
		const result = await run();
		peak = Math.max(peak, process.memoryUsage().rss);
		return { result, peakMb: Math.round((peak - before) / MB) };
	} finally {
		clearInterval(timer);
	}
}
