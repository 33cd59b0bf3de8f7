import { isLoopbackUrl } from './hostKind';

/** Whether a URL carries a user name or password (`https://user:pass@host`). */
export function hasUrlCredentials(value: string): boolean {
	try {
		const url = new URL(value.trim());
		return url.username !== '' || url.password !== '';
	} catch {
		return /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(value.trim());
	}
}

/** Whether a URL is https, or http to this machine (the base-URL rule, for URLs the user enters). */
export function isSafeHttpsUrl(value: string): boolean {
	try {
		const url = new URL(value);
		if (url.protocol === 'https:') return true;
		return url.protocol === 'http:' && isLoopbackUrl(url);
	} catch {
		return false;
	}
}
