import type { RequestLogEntry } from './types';

export interface RequestLogFilter {
	method?: string;
	/** Exact path, or a prefix ending in `*`. */
	path?: string;
	provider?: string;
}

/** Field names whose values never reach the log (matched case-insensitively, ignoring `-` and `_`). */
const SECRET_NAME =
	/pass(word)?|secret|token|apikey|accesscode|authorization|cookie|session|jwt|bearer|credential/i;

export function isSecretName(name: string): boolean {
	return SECRET_NAME.test(name.replace(/[-_]/g, ''));
}

/** Deep copy of a JSON value with every secret-looking field removed. */
export function redact(value: unknown, depth = 0): unknown {
	if (depth > 20) return '[truncated]';
	if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
	if (value !== null && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
			if (!isSecretName(key)) out[key] = redact(inner, depth + 1);
		}
		return out;
	}
	return value;
}

/** Non-JSON bodies are summarised, never stored, since they cannot be redacted field by field. */
function redactBody(body: unknown): unknown {
	if (body === undefined) return undefined;
	if (typeof body === 'string') return `[non-JSON body, ${Buffer.byteLength(body)} bytes]`;
	return redact(body);
}

function redactQuery(query: Record<string, string>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(query)) if (!isSecretName(key)) out[key] = value;
	return out;
}

/** In-memory request log. Headers are never recorded; bodies and queries are redacted on the way in. */
export class RequestLog {
	private list: RequestLogEntry[] = [];
	private seq = 0;

	add(
		entry: Omit<RequestLogEntry, 'seq' | 'at' | 'body'> & { at?: number; body?: unknown },
	): RequestLogEntry {
		const stored: RequestLogEntry = {
			...entry,
			seq: ++this.seq,
			at: entry.at ?? Date.now(),
			query: redactQuery(entry.query),
			body: redactBody(entry.body),
		};
		if (stored.body === undefined) delete stored.body;
		this.list.push(stored);
		return stored;
	}

	entries(filter: RequestLogFilter = {}): RequestLogEntry[] {
		return this.list.filter((entry) => matches(entry, filter));
	}

	count(filter: RequestLogFilter = {}): number {
		let n = 0;
		for (const entry of this.list) if (matches(entry, filter)) n++;
		return n;
	}

	clear(): void {
		this.list = [];
	}
}

function matches(entry: RequestLogEntry, filter: RequestLogFilter): boolean {
	if (filter.method && entry.method !== filter.method.toUpperCase()) return false;
	if (filter.path) {
		const prefix = filter.path.endsWith('*') ? filter.path.slice(0, -1) : undefined;
		if (prefix !== undefined ? !entry.path.startsWith(prefix) : entry.path !== filter.path)
			return false;
	}
	if (filter.provider && entry.provider !== filter.provider) return false;
	return true;
}
