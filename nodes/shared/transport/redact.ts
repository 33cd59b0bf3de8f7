/** Shown instead of a secret value. */
export const REDACTED = '[redacted]';

/** Values shorter than this are not searched for: replacing them everywhere would garble ordinary text. */
const MIN_SECRET_LENGTH = 4;

/**
 * The spellings a secret value can take in text the node receives or emits:
 * as is, URL-encoded, JSON-escaped and base64 (e.g. inside an echoed Basic
 * header). Longest first, so a longer spelling is replaced before a shorter one
 * it contains.
 */
export function spellings(secrets: readonly unknown[]): string[] {
	const out = new Set<string>();
	for (const secret of secrets) {
		if (typeof secret !== 'string' && typeof secret !== 'number') continue;
		const value = String(secret);
		if (value.trim().length < MIN_SECRET_LENGTH) continue;
		out.add(value);
		out.add(encodeURIComponent(value));
		out.add(JSON.stringify(value).slice(1, -1));
		out.add(Buffer.from(value, 'utf8').toString('base64').replace(/=+$/, ''));
	}
	return [...out]
		.filter((value) => value.length >= MIN_SECRET_LENGTH)
		.sort((a, b) => b.length - a.length);
}

/** The text with every spelling of the secrets replaced by `[redacted]`. */
export function redactText(text: string, secrets: readonly string[]): string {
	let out = text;
	for (const secret of secrets) {
		if (out.includes(secret)) out = out.split(secret).join(REDACTED);
	}
	return out;
}

function redactDeep(value: unknown, secrets: readonly string[], depth: number): unknown {
	if (typeof value === 'string') return redactText(value, secrets);
	if (!value || typeof value !== 'object' || depth > 64) return value;
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++) value[i] = redactDeep(value[i], secrets, depth + 1);
		return value;
	}
	if (Buffer.isBuffer(value)) return value;
	const record = value as Record<string, unknown>;
	for (const key of Object.keys(record)) {
		const clean = redactDeep(record[key], secrets, depth + 1);
		const cleanKey = redactText(key, secrets);
		if (cleanKey !== key) delete record[key];
		record[cleanKey] = clean;
	}
	return record;
}

/**
 * Replaces every secret value found anywhere in `value` (strings, object keys,
 * arrays of header values, nested records), in place; returns the cleaned value.
 * A quick search of the whole value comes first, so a clean value is not walked.
 */
export function redactValue<T>(value: T, secrets: readonly string[]): T {
	if (!secrets.length || value === undefined || value === null) return value;
	if (typeof value === 'string') return redactText(value, secrets) as T;
	if (typeof value !== 'object') return value;
	let text: string;
	try {
		text = JSON.stringify(value) ?? '';
	} catch {
		text = '';
	}
	if (text && !secrets.some((secret) => text.includes(secret))) {
		return value;
	}
	return redactDeep(value, secrets, 0) as T;
}

interface ErrorLike {
	message?: unknown;
	description?: unknown;
	context?: unknown;
	cause?: unknown;
	messages?: unknown;
	stack?: unknown;
}

/** Removes the secret values from an error's message, description, context and cause, in place. */
export function redactError<T>(error: T, secrets: readonly string[], depth = 0): T {
	if (!secrets.length || !error || typeof error !== 'object' || depth > 4) return error;
	const e = error as ErrorLike;
	for (const field of ['message', 'description', 'stack'] as const) {
		if (typeof e[field] === 'string') e[field] = redactText(e[field], secrets);
	}
	if (e.context && typeof e.context === 'object') redactValue(e.context, secrets);
	if (Array.isArray(e.messages)) redactValue(e.messages, secrets);
	if (e.cause && typeof e.cause === 'object' && e.cause !== error) {
		if (e.cause instanceof Error) redactError(e.cause, secrets, depth + 1);
		else redactValue(e.cause, secrets);
	}
	return error;
}
