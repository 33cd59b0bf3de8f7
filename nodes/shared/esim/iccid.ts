/** Whether the digits end in a valid Luhn check digit, as ICCIDs do (ITU-T E.118). */
export function luhnValid(digits: string): boolean {
	let sum = 0;
	for (let i = 0; i < digits.length; i++) {
		let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
		if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
		sum += digit;
	}
	return sum % 10 === 0;
}

/** The Luhn check digit that completes `digits`. */
export function luhnDigit(digits: string): string {
	for (let d = 0; d <= 9; d++) if (luhnValid(`${digits}${d}`)) return String(d);
	return '0';
}

/**
 * The one ICCID rule, for what users type and what providers send alike:
 * text of 18 to 22 digits (ITU-T E.118) ending in a right Luhn check digit.
 * Returns what is wrong, in words that follow the field's name, or undefined.
 */
export function iccidProblem(value: unknown): string | undefined {
	if (typeof value === 'number' || typeof value === 'bigint')
		return 'arrived as a number, not as text: an ICCID has more digits than a number keeps (beyond 2^53 the last digits are lost), so it cannot be trusted';
	if (typeof value !== 'string') return 'must be text';
	const text = value.trim();
	if (!/^\d{18,22}$/.test(text)) return 'must be an ICCID: 18 to 22 digits';
	if (!luhnValid(text))
		return 'has a wrong check digit (the last digit of an ICCID is a Luhn check digit): check for a typo';
	return undefined;
}

/** A provider sent an ICCID that fails the rule above: it is refused, never passed on. */
export class IccidError extends Error {
	constructor(
		readonly field: string,
		readonly problem: string,
		readonly shown: string,
	) {
		super(`The provider sent an eSIM whose ICCID ${problem} (got ${shown})`);
	}
}

/** The ICCID in a provider field, checked: undefined when absent or empty, else the digits or an IccidError. */
export function checkIccid(value: unknown, field = 'iccid'): string | undefined | IccidError {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
		return undefined;
	const problem = iccidProblem(value);
	// A number is not shown: its digits are already wrong, and a wrong ICCID must not be copied from here.
	const shown =
		typeof value === 'string' ? JSON.stringify(value).slice(0, 40) : `a ${typeof value}`;
	if (problem) return new IccidError(field, problem, shown);
	return (value as string).trim();
}

/** As checkIccid, throwing the IccidError. */
export function providerIccid(value: unknown, field = 'iccid'): string | undefined {
	const checked = checkIccid(value, field);
	if (checked instanceof IccidError) throw checked;
	return checked;
}

const ICCID_KEY = /^iccid$/i;

/**
 * The first field named `iccid` (any case) in `value`, down to a few levels of
 * nesting, that breaks the ICCID rule, as an IccidError naming its path; undefined when all are fine.
 */
export function findBadIccid(value: unknown, path = '', depth = 0): IccidError | undefined {
	if (depth > 4 || value === null || typeof value !== 'object') return undefined;
	const entries: Array<[string, unknown]> = Array.isArray(value)
		? value.map((entry, index) => [String(index), entry])
		: Object.entries(value);
	for (const [key, entry] of entries) {
		const at = path ? `${path}.${key}` : key;
		if (ICCID_KEY.test(key)) {
			const checked = checkIccid(entry, at);
			if (checked instanceof IccidError) return checked;
		} else if (entry !== null && typeof entry === 'object') {
			const found = findBadIccid(entry, at, depth + 1);
			if (found) return found;
		}
	}
	return undefined;
}
