import { NodeOperationError, type INode } from 'n8n-workflow';
import { z } from 'zod';

import { iccidProblem, luhnValid } from '../esim/iccid';
import { hasUrlCredentials, isSafeHttpsUrl } from '../url/credentials';

/**
 * Parses input with a zod schema before anything is sent. A failure becomes a
 * NodeOperationError that names the field as the user sees it in the node
 * (from `labels`), says what is wrong, and shows the rejected value.
 */
export function validateInput<T extends z.ZodTypeAny>(
	node: INode,
	schema: T,
	input: unknown,
	labels: Record<string, string>,
	itemIndex: number,
): z.infer<T> {
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	const issue = result.error.issues[0];
	const path = issue.path;
	const field = labelFor(path, labels);
	const value = valueAt(input, path);
	const shown = value === undefined ? 'nothing' : shownValue(value);
	throw new NodeOperationError(node, `${field}: ${issue.message} (got ${shown})`, {
		itemIndex,
		description: `Correct "${field}" in this node or in the data mapped into it. Nothing was sent to the provider.`,
	});
}

/** A rejected value is shown with at most this many characters. */
const SHOWN_LENGTH = 80;

/** The rejected value as shown in the error: shortened first, then its URL passwords masked. */
function shownValue(value: unknown): string {
	const text = JSON.stringify(value) ?? String(value);
	return hidePasswords(text.slice(0, SHOWN_LENGTH), text.length > SHOWN_LENGTH);
}

/** `//user:password@` (the user part holds no colon, so the pattern is linear in the text's length). */
const URL_PASSWORD = /(\/\/[^/?#@\s":]*):[^/?#@\s"]*@/g;
/** The same, also at the very end of a text that was cut short (its `@` may have been cut off). */
const URL_PASSWORD_CUT = /(\/\/[^/?#@\s":]*):[^/?#@\s"]*(@|$)/g;

/**
 * Masks the password of any `scheme://user:password@host` in text shown to
 * the user. `cut` says the text was shortened: a `//user:pass` running into
 * its end is masked too, since its `@` may lie beyond the cut.
 */
export function hidePasswords(text: string, cut = false): string {
	return cut
		? text.replace(URL_PASSWORD_CUT, (_match, user: string, end: string) => `${user}:***${end}`)
		: text.replace(URL_PASSWORD, '$1:***@');
}

/** The patterns `hidePasswords` runs (timed on long hostile input by the fault suite). */
export const MASK_PATTERNS: ReadonlyArray<RegExp> = [URL_PASSWORD, URL_PASSWORD_CUT];

function labelFor(path: Array<string | number>, labels: Record<string, string>): string {
	const key = path.filter((part) => typeof part === 'string').join('.');
	const base = labels[key] ?? labels[String(path[0])] ?? (key || 'Input');
	const indexes = path.filter((part) => typeof part === 'number');
	return indexes.length ? `${base} (entry ${Number(indexes[0]) + 1})` : base;
}

function valueAt(input: unknown, path: Array<string | number>): unknown {
	let current = input;
	for (const part of path) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<string | number, unknown>)[part];
	}
	return current;
}

/** An ICCID that is not text; a number beyond 2^53 has already lost digits on the way in. */
const iccidTypeError: z.ZodErrorMap = (issue, ctx) => {
	if (issue.code !== 'invalid_type') return { message: ctx.defaultError };
	if (ctx.data === undefined) return { message: 'is required' };
	if (typeof ctx.data === 'number' && !Number.isSafeInteger(ctx.data)) {
		return {
			message:
				'arrived as a number larger than 2^53, so some of its digits were already lost: keep ICCIDs as text in the data mapped into this field',
		};
	}
	return { message: 'must be text' };
};

/** True when the text holds a control character (U+0000–U+001F, U+007F) or an angle bracket. */
function hasControlOrAngle(value: string): boolean {
	for (let i = 0; i < value.length; i++) {
		const code = value.charCodeAt(i);
		if (code < 0x20 || code === 0x7f || code === 0x3c || code === 0x3e) return true;
	}
	return false;
}

/** Reusable pieces with messages written for the node's users. */
export const fields = {
	text: (max = 200) =>
		z
			.string({ invalid_type_error: 'must be text', required_error: 'is required' })
			.trim()
			.min(1, 'is required')
			.max(max, `must be at most ${max} characters`)
			.refine((value) => !hasControlOrAngle(value), 'must not contain control characters or < >'),
	slug: () =>
		z
			.string({ invalid_type_error: 'must be text', required_error: 'is required' })
			.trim()
			.min(1, 'is required')
			.max(100, 'must be at most 100 characters')
			.regex(
				/^[A-Za-z0-9][A-Za-z0-9._-]*$/,
				'must be a plan code such as ES_3_30 (letters, digits, . _ -)',
			),
	wholeNumber: (min: number, max: number) =>
		z
			.number({ invalid_type_error: 'must be a number' })
			.refine((n) => Number.isInteger(n), 'must be a whole number')
			.refine((n) => n >= min && n <= max, `must be from ${min} to ${max}`),
	email: () =>
		z
			.string({ invalid_type_error: 'must be text' })
			.trim()
			.max(254, 'is too long')
			.email('must be a valid email address'),
	/** The one ICCID rule (digits, length, Luhn check digit): see iccidProblem. */
	iccid: () =>
		z
			.string({ errorMap: iccidTypeError })
			.trim()
			.superRefine((value, ctx) => {
				const problem = iccidProblem(value);
				if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
			}),
	recordId: (example: string) =>
		z
			.string({ invalid_type_error: 'must be text', required_error: 'is required' })
			.trim()
			.min(1, 'is required')
			.max(100, 'must be at most 100 characters')
			.regex(
				/^[A-Za-z0-9][A-Za-z0-9_-]*$/,
				`must be an ID such as ${example} (letters, digits, - and _)`,
			),
	phone: () =>
		z
			.string({ invalid_type_error: 'must be text' })
			.trim()
			.max(40, 'must be at most 40 characters')
			.regex(/^\+?[0-9][0-9 ()./-]*$/, 'must be a phone number: digits, spaces and + - ( ) . /'),
	money: (min: number, max: number) =>
		z
			.number({ invalid_type_error: 'must be a number' })
			.refine((n) => Number.isFinite(n) && n >= min && n <= max, `must be from ${min} to ${max}`)
			.refine(
				(n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6,
				'must have at most 2 decimals',
			),
	httpsUrl: () =>
		z
			.string({ invalid_type_error: 'must be text' })
			.trim()
			.max(2048, 'is too long')
			.refine(
				(value) => !hasUrlCredentials(value),
				'must not contain a user name or password (remove the part before @)',
			)
			.refine(isSafeHttpsUrl, 'must be an https:// URL (http:// only for localhost)'),
};

/**
 * Turns a number parameter that arrived as plain decimal text from an
 * expression (`2`, ` 2 `, `2.5`) into a number, leaving other values alone, so
 * text in other notations (`0x10`, `0b11`, `1e1`) is rejected by the schema
 * instead of becoming 16, 3 or 10.
 */
export function numeric(value: unknown): unknown {
	if (typeof value === 'string' && /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/.test(value))
		return Number(value);
	return value;
}

/** A check that the ICCID at `key` has a right Luhn check digit (ITU-T E.118): a typo is caught before money moves. */
export function checkDigit(key: string) {
	return (value: Record<string, unknown>, ctx: z.RefinementCtx): void => {
		const iccid = value[key];
		if (typeof iccid === 'string' && /^\d{18,22}$/.test(iccid) && !luhnValid(iccid)) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: [key],
				message:
					'has a wrong check digit (the last digit of an ICCID is a Luhn check digit): check for a typo',
			});
		}
	};
}
