import { createHmac } from 'node:crypto';

import { createRng, type Rng } from '../rng';
import type { TradeEvent } from './webhookEvents';

export type SignatureFormat = 'sha256=hex' | 'hex' | 'base64';

/** How the sandbox delivers webhooks (see sandbox/README.md, "Webhook deliveries"). */
export interface WebhookConfig {
	/** Signing secret; null sends unsigned deliveries. */
	secret: string | null;
	signatureHeader: string;
	signatureFormat: SignatureFormat;
	/** Share of deliveries sent twice (the same id, body and signature). */
	duplicateRate: number;
	/** Share of deliveries held back by `disorderDelayMs`, so later ones overtake them. */
	disorderRate: number;
	disorderDelayMs: number;
	/** Attempts per delivery, the first included; a non-2xx answer or a network error is retried. */
	maxAttempts: number;
	/** Wait before the first retry; doubles for each further one. */
	retryDelayMs: number;
	timeoutMs: number;
}

export const WEBHOOK_DEFAULTS: WebhookConfig = {
	secret: null,
	signatureHeader: 'X-Esimtrade-Signature',
	signatureFormat: 'sha256=hex',
	duplicateRate: 0,
	disorderRate: 0,
	disorderDelayMs: 300,
	maxAttempts: 5,
	retryDelayMs: 500,
	timeoutMs: 10_000,
};

export interface DeliveryAttempt {
	at: string;
	status: number;
	error?: string;
}

/** One delivery as the sandbox sent it, for tests (`GET /__admin/trade/webhooks/deliveries`). */
export interface DeliveryRecord {
	seq: number;
	id: string;
	type: string;
	body: string;
	/** 'event', or how an admin call made it: 'duplicate', 'replay', 'forged', 'custom'. */
	origin: 'event' | 'duplicate' | 'replay' | 'forged' | 'custom';
	signed: boolean;
	state: 'queued' | 'held' | 'sending' | 'delivered' | 'failed';
	attempts: DeliveryAttempt[];
}

/** Whether a URL points at this machine: the sandbox never sends a delivery anywhere else. */
export function isLoopback(url: string | null): boolean {
	if (!url) return false;
	try {
		const host = new URL(url).hostname;
		return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
	} catch {
		return false;
	}
}

/**
 * Sends the simulator's events to the webhook URL, best-effort like the real
 * service: one delivery in flight at a time, in order except for deliveries held
 * back on purpose, duplicates on purpose, retries after a non-2xx answer.
 */
export class WebhookSender {
	config: WebhookConfig = { ...WEBHOOK_DEFAULTS };
	readonly records: DeliveryRecord[] = [];
	private queue: DeliveryRecord[] = [];
	private timers = new Set<NodeJS.Timeout>();
	private sending = false;
	private waiting = 0;
	private rng: Rng;
	private seq = 0;
	private stopped = false;

	constructor(
		private readonly urlOf: () => string | null,
		private readonly seed: number,
	) {
		this.rng = createRng(seed ^ 0x5eed);
	}

	/** Deliveries not finished yet (queued, held back, in flight or waiting to be retried). */
	get pending(): number {
		return this.queue.length + this.waiting + (this.sending ? 1 : 0);
	}

	configure(changes: Partial<WebhookConfig>): WebhookConfig {
		const next = { ...this.config, ...changes };
		for (const key of ['duplicateRate', 'disorderRate'] as const) {
			if (!(typeof next[key] === 'number' && next[key] >= 0 && next[key] <= 1))
				throw new Error(`${key} must be 0..1`);
		}
		for (const key of ['disorderDelayMs', 'retryDelayMs', 'timeoutMs'] as const) {
			if (!(typeof next[key] === 'number' && next[key] >= 0))
				throw new Error(`${key} must be >= 0`);
		}
		if (!Number.isInteger(next.maxAttempts) || next.maxAttempts < 1 || next.maxAttempts > 20)
			throw new Error('maxAttempts must be an integer 1..20');
		if (!['sha256=hex', 'hex', 'base64'].includes(next.signatureFormat))
			throw new Error('signatureFormat must be sha256=hex, hex or base64');
		if (next.secret !== null && (typeof next.secret !== 'string' || next.secret === ''))
			throw new Error('secret must be a non-empty string or null');
		if (typeof next.signatureHeader !== 'string' || !/^[A-Za-z0-9-]+$/.test(next.signatureHeader))
			throw new Error('Invalid signatureHeader');
		this.config = next;
		return this.config;
	}

	/** Queues an event of the simulator (nothing happens while no URL is set, or while it is not on this machine). */
	emit(event: TradeEvent): void {
		if (!isLoopback(this.urlOf()) || this.stopped) return;
		const record = this.record(event, 'event', this.config.secret);
		this.enqueue(record, this.rng.chance(this.config.disorderRate));
		if (this.rng.chance(this.config.duplicateRate))
			this.enqueue(this.copy(record, 'duplicate'), false);
	}

	/** Sends the last `count` delivered deliveries again, unchanged. */
	replay(count: number): number {
		const delivered = this.records
			.filter((r) => r.state === 'delivered' && r.origin === 'event')
			.slice(-count);
		for (const record of delivered) this.enqueue(this.copy(record, 'replay'), false);
		return delivered.length;
	}

	/** Sends an event signed with the wrong secret (or unsigned when `unsigned`). */
	forge(event: TradeEvent, unsigned = false): DeliveryRecord {
		const record = this.record(
			event,
			'forged',
			unsigned ? null : `forged-${this.config.secret ?? 'secret'}`,
		);
		this.enqueue(record, false);
		return record;
	}

	/** Sends any JSON body as a delivery, signed with the configured secret. */
	custom(type: string, body: Record<string, unknown>): DeliveryRecord {
		const record = this.record(
			{ type: type as TradeEvent['type'], data: body },
			'custom',
			this.config.secret,
			body,
		);
		this.enqueue(record, false);
		return record;
	}

	reset(): void {
		this.clearTimers();
		this.config = { ...WEBHOOK_DEFAULTS };
		this.records.length = 0;
		this.queue = [];
		this.waiting = 0;
		this.rng = createRng(this.seed ^ 0x5eed);
		this.seq = 0;
	}

	stop(): void {
		this.stopped = true;
		this.clearTimers();
		this.queue = [];
	}

	// ---- internals ----

	private headers = new WeakMap<DeliveryRecord, Record<string, string>>();

	private record(
		event: TradeEvent,
		origin: DeliveryRecord['origin'],
		secret: string | null,
		rawBody?: Record<string, unknown>,
	): DeliveryRecord {
		const seq = ++this.seq;
		const id = `evt_${String(seq).padStart(6, '0')}_${this.rng.hex(8)}`;
		const createdAt = new Date().toISOString();
		const body = JSON.stringify(rawBody ?? { id, type: event.type, createdAt, data: event.data });
		const headers: Record<string, string> = {
			'Content-Type': 'application/json',
			'User-Agent': 'eSIMTrade-Webhooks (sandbox)',
			'X-Esimtrade-Event': event.type,
			'X-Esimtrade-Delivery': id,
			'X-Esimtrade-Timestamp': createdAt,
		};
		if (secret !== null) headers[this.config.signatureHeader] = this.sign(body, secret);
		const record: DeliveryRecord = {
			seq,
			id,
			type: event.type,
			body,
			origin,
			signed: secret !== null,
			state: 'queued',
			attempts: [],
		};
		this.headers.set(record, headers);
		this.records.push(record);
		return record;
	}

	/** The same delivery once more: same id, body and headers (signature included). */
	private copy(record: DeliveryRecord, origin: DeliveryRecord['origin']): DeliveryRecord {
		const copy: DeliveryRecord = {
			...record,
			seq: ++this.seq,
			origin,
			state: 'queued',
			attempts: [],
		};
		this.headers.set(copy, { ...this.headers.get(record) });
		this.records.push(copy);
		return copy;
	}

	private sign(body: string, secret: string): string {
		const mac = createHmac('sha256', secret).update(body);
		if (this.config.signatureFormat === 'base64') return mac.digest('base64');
		const hex = mac.digest('hex');
		return this.config.signatureFormat === 'hex' ? hex : `sha256=${hex}`;
	}

	private enqueue(record: DeliveryRecord, holdBack: boolean): void {
		if (!holdBack) {
			this.queue.push(record);
			this.pump();
			return;
		}
		record.state = 'held';
		this.later(this.config.disorderDelayMs, () => {
			record.state = 'queued';
			this.queue.push(record);
			this.pump();
		});
	}

	private later(ms: number, fn: () => void): void {
		this.waiting++;
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			this.waiting--;
			fn();
		}, ms);
		timer.unref();
		this.timers.add(timer);
	}

	private clearTimers(): void {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		this.waiting = 0;
	}

	private pump(): void {
		if (this.sending || this.stopped) return;
		const next = this.queue.shift();
		if (!next) return;
		this.sending = true;
		void this.send(next).finally(() => {
			this.sending = false;
			this.pump();
		});
	}

	private async send(record: DeliveryRecord): Promise<void> {
		const url = this.urlOf();
		if (!url || !isLoopback(url)) {
			record.attempts.push({
				at: new Date().toISOString(),
				status: 0,
				error: 'The sandbox delivers webhooks only to 127.0.0.1, localhost or [::1]',
			});
			record.state = 'failed';
			return;
		}
		record.state = 'sending';
		const headers = {
			...this.headers.get(record),
			'X-Esimtrade-Attempt': String(record.attempts.length + 1),
		};
		let status = 0;
		let error: string | undefined;
		try {
			const response = await fetch(url, {
				method: 'POST',
				headers,
				body: record.body,
				redirect: 'manual',
				signal: AbortSignal.timeout(this.config.timeoutMs),
			});
			status = response.status;
			await response.arrayBuffer().catch(() => undefined);
		} catch (caught) {
			error = caught instanceof Error ? caught.message : String(caught);
		}
		record.attempts.push({ at: new Date().toISOString(), status, ...(error ? { error } : {}) });
		if (status >= 200 && status < 300) {
			record.state = 'delivered';
			return;
		}
		if (record.attempts.length >= this.config.maxAttempts || this.stopped) {
			record.state = 'failed';
			return;
		}
		record.state = 'queued';
		this.later(this.config.retryDelayMs * 2 ** (record.attempts.length - 1), () => {
			this.queue.push(record);
			this.pump();
		});
	}
}
