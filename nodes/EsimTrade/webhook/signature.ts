import { createHmac, timingSafeEqual } from 'crypto';

/** Header the trigger reads the signature from unless the node says otherwise. */
export const DEFAULT_SIGNATURE_HEADER = 'x-esimtrade-signature';

export type SignatureCheck = 'valid' | 'missing' | 'invalid' | 'unchecked';

/** The decoded bytes of one signature form (`sha256=` prefix dropped; hex or base64), or undefined. */
function decode(value: string): Buffer[] {
	const text = value.trim().replace(/^sha256=/i, '');
	const forms: Buffer[] = [];
	if (/^[0-9a-f]{64}$/i.test(text)) forms.push(Buffer.from(text, 'hex'));
	if (/^[A-Za-z0-9+/_-]{42,44}={0,2}$/.test(text)) {
		const bytes = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
		if (bytes.length === 32) forms.push(bytes);
	}
	return forms;
}

/** The header's values: several signatures may be sent in one header, separated by commas or spaces. */
function candidates(header: string | string[] | undefined): string[] {
	const values = Array.isArray(header) ? header : header === undefined ? [] : [header];
	return values.flatMap((value) => value.split(/[\s,]+/)).filter((value) => value !== '');
}

/**
 * Checks an HMAC SHA-256 signature over the raw request body, in constant time.
 * Accepted forms: 64 hex digits or base64 (standard or URL-safe), each with or
 * without a `sha256=` prefix. Without a secret nothing is checked.
 */
export function checkSignature(
	rawBody: Buffer,
	header: string | string[] | undefined,
	secret: string,
): SignatureCheck {
	if (!secret) return 'unchecked';
	const given = candidates(header);
	if (given.length === 0) return 'missing';
	const expected = createHmac('sha256', secret).update(rawBody).digest();
	let match = false;
	for (const value of given) {
		for (const bytes of decode(value)) {
			// Every candidate is compared, so the time taken does not depend on which one matched.
			if (timingSafeEqual(bytes, expected)) match = true;
		}
	}
	return match ? 'valid' : 'invalid';
}
