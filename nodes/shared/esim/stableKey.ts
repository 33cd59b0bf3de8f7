import { createHash } from 'crypto';

/** JSON with object keys sorted, so equal data always gives equal text. */
export function stableStringify(value: unknown): string {
	if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
	if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
	const entries = Object.entries(value as Record<string, unknown>)
		.filter(([, v]) => v !== undefined)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}

/** A short, deterministic key derived from the given parts. */
export function deriveKey(prefix: string, ...parts: unknown[]): string {
	const hash = createHash('sha256').update(stableStringify(parts)).digest('hex');
	return `${prefix}${hash.slice(0, 40)}`;
}
