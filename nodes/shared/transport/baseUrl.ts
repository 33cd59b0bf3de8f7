/** True for http(s) URLs whose host is this machine. */
export function isLoopbackUrl(url: URL): boolean {
	const host = url.hostname.replace(/^\[|\]$/g, '');
	return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Returns the base URL without trailing slashes, or a message saying what is
 * wrong with it: only https is accepted, except on loopback for local testing,
 * so API keys never travel in clear text.
 */
export function checkBaseUrl(raw: unknown): { url: string } | { problem: string } {
	const value = typeof raw === 'string' ? raw.trim() : '';
	if (!value) return { problem: 'The credential has no Base URL' };
	let parsed: URL;
	try {
		parsed = new URL(value);
	} catch {
		return { problem: `The credential's Base URL "${value}" is not a valid URL` };
	}
	if (parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLoopbackUrl(parsed))) {
		return { url: value.replace(/\/+$/, '') };
	}
	return {
		problem: `The credential's Base URL must start with https:// (http:// is only accepted for localhost), got "${parsed.protocol}//${parsed.host}"`,
	};
}
