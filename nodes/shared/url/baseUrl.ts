import { hasUrlCredentials } from './credentials';
import { isLoopbackUrl } from './hostKind';

/**
 * Returns the base URL without trailing slashes, or a message saying what is
 * wrong with it: only https is accepted, except on loopback for local testing,
 * so API keys never travel in clear text.
 */
export function checkBaseUrl(raw: unknown): { url: string } | { problem: string } {
	const value = typeof raw === 'string' ? raw.trim() : '';
	if (!value) return { problem: 'The credential has no Base URL' };
	if (hasUrlCredentials(value)) {
		return {
			problem:
				"The credential's Base URL must not contain a user name or password: remove the part before @",
		};
	}
	let parsed: URL;
	try {
		parsed = new URL(value);
	} catch {
		return { problem: `The credential's Base URL "${value.slice(0, 80)}" is not a valid URL` };
	}
	if (parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLoopbackUrl(parsed))) {
		return { url: value.replace(/\/+$/, '') };
	}
	return {
		problem: `The credential's Base URL must start with https:// (http:// is only accepted for localhost), got "${parsed.protocol}//${parsed.host}"`,
	};
}
