import { ApiError } from './envelope';

/** A JSON object body, keyed by field name. */
export type Fields = Record<string, unknown>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Throws a 400 `VALIDATION_ERROR` with `message`. */
export function invalid(message: string): never {
	throw new ApiError('VALIDATION_ERROR', message);
}

/** The request body as an object: raw (unparsed) text and non-objects are rejected. */
export function objectBody(body: unknown): Fields {
	if (body === undefined || body === null || body === '') return {};
	if (typeof body === 'string') invalid('Request body is not valid JSON');
	if (typeof body !== 'object' || Array.isArray(body))
		invalid('Request body must be a JSON object');
	return body as Fields;
}

/** A required non-empty string (trimmed), at most `max` characters. */
export function requiredString(value: unknown, field: string, max = 200): string {
	if (value === undefined || value === null || value === '') invalid(`${field} is required`);
	if (typeof value !== 'string') invalid(`${field} must be a string`);
	const trimmed = value.trim();
	if (!trimmed) invalid(`${field} is required`);
	if (trimmed.length > max) invalid(`${field} must be at most ${max} characters`);
	return trimmed;
}

/** An optional string; absent, null and empty become null. */
export function optionalString(value: unknown, field: string, max = 200): string | null {
	if (value === undefined || value === null || value === '') return null;
	return requiredString(value, field, max);
}

/** A required e-mail address (compare case-insensitively). */
export function email(value: unknown, field: string): string {
	const text = requiredString(value, field, 254);
	if (!EMAIL.test(text)) invalid(`${field} must be a valid email address`);
	return text;
}

/** Case-insensitive e-mail equality. */
export const sameEmail = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** A required https URL (http is accepted for loopback hosts only). */
export function httpsUrl(value: unknown, field: string): string {
	const text = requiredString(value, field, 2000);
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return invalid(`${field} must be a valid URL`);
	}
	const loopbackHttp = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
	if (url.protocol !== 'https:' && !loopbackHttp) invalid(`${field} must be an https URL`);
	return text;
}

/** A required integer in [min, max]. */
export function integer(value: unknown, field: string, min: number, max: number): number {
	if (value === undefined || value === null) invalid(`${field} is required`);
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
		invalid(
			min === 1
				? `${field} must be a positive integer`
				: `${field} must be an integer of at least ${min}`,
		);
	}
	if (value > max) invalid(`${field} must be at most ${max}`);
	return value;
}

/** A required amount of money in [min, max] with at most two decimals. */
export function amount(value: unknown, field: string, min: number, max: number): number {
	if (value === undefined || value === null) invalid(`${field} is required`);
	if (typeof value !== 'number' || !Number.isFinite(value)) invalid(`${field} must be a number`);
	if (value < min || value > max) invalid(`${field} must be between ${min} and ${max}`);
	if (Math.abs(Math.round(value * 100) - value * 100) > 1e-6)
		invalid(`${field} must have at most 2 decimals`);
	return value;
}

/** A required value out of a fixed list. */
export function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
	if (value === undefined || value === null || value === '') invalid(`${field} is required`);
	if (typeof value !== 'string' || !allowed.includes(value as T)) {
		invalid(`${field} must be one of: ${allowed.join(', ')}`);
	}
	return value as T;
}

/** An optional query filter out of a fixed list. */
export function optionalOneOf<T extends string>(
	value: string | undefined,
	field: string,
	allowed: readonly T[],
): T | undefined {
	return value === undefined || value === '' ? undefined : oneOf(value, field, allowed);
}

/** A `YYYY-MM-DD` query date as the UTC midnight it names, or undefined when absent. */
export function isoDate(value: string | undefined, field: string): number | undefined {
	if (value === undefined || value === '') return undefined;
	const ms = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : NaN;
	if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value) {
		invalid(`${field} must be a date in the form YYYY-MM-DD`);
	}
	return ms;
}

export interface Pagination {
	page: number;
	limit: number;
	total: number;
	totalPages: number;
}

function positiveQueryInt(value: string | undefined, field: string, fallback: number): number {
	if (value === undefined || value === '') return fallback;
	if (!/^\d+$/.test(value) || Number(value) < 1) invalid(`${field} must be a positive integer`);
	return Number(value);
}

/** One page of `items` per the `page` (default 1) and `limit` (default 20, capped at 100) query. */
export function paginate<T>(
	items: readonly T[],
	query: Record<string, string>,
): { items: T[]; pagination: Pagination } {
	const page = positiveQueryInt(query.page, 'page', 1);
	const limit = Math.min(positiveQueryInt(query.limit, 'limit', 20), 100);
	const start = (page - 1) * limit;
	return {
		items: items.slice(start, start + limit),
		pagination: { page, limit, total: items.length, totalPages: Math.ceil(items.length / limit) },
	};
}
