import { sleep, type IDataObject } from 'n8n-workflow';

import type { QrImageMode } from '../esim/activation';

/** Growing pauses between reads: 0.5 s, then ×1.5 each time, at most 10 s. */
export const PAUSES = { firstMs: 500, factor: 1.5, maxMs: 10_000 };

/**
 * Reads until `settled` says the value is final or the deadline (epoch ms)
 * passes, pausing longer after each read. A deadline shared by several
 * waits bounds them all together.
 */
export async function pollUntil<T>(
	read: () => Promise<T>,
	settled: (value: T) => boolean,
	deadline: number,
): Promise<{ value: T; timedOut: boolean; polls: number }> {
	let pause = PAUSES.firstMs;
	let polls = 0;
	for (;;) {
		polls++;
		const value = await read();
		if (settled(value)) return { value, timedOut: false, polls };
		const left = deadline - Date.now();
		if (left <= 0) return { value, timedOut: true, polls };
		await sleep(Math.min(pause, left));
		pause = Math.min(Math.round(pause * PAUSES.factor), PAUSES.maxMs);
	}
}

/** The waiting options both providers' purchase operations share. */
export interface WaitSettings {
	timeoutMs: number;
	qrImage: QrImageMode;
	binaryProperty: string;
}

export function readWaitSettings(options: IDataObject, defaultTimeoutSec = 120): WaitSettings {
	return {
		timeoutMs: Number(options.waitTimeout ?? defaultTimeoutSec) * 1000,
		qrImage: (options.qrImage as QrImageMode | undefined) ?? 'render',
		binaryProperty: String(options.binaryProperty ?? 'qrCode'),
	};
}
