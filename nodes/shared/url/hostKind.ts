/**
 * Classifies the host of a URL before anything connects to it: loopback,
 * private, link-local and other internal addresses (e.g. the cloud metadata
 * service at 169.254.169.254) are told apart from public ones by the address
 * itself or, for names, by the names that always mean an internal host.
 */
export type HostKind = 'public' | 'loopback' | 'internal';

function ipv4Kind(parts: number[]): HostKind {
	const [a, b] = parts;
	if (a === 127) return 'loopback';
	if (a === 0 || a === 10 || a >= 224) return 'internal'; // "this network", private, multicast and reserved
	if (a === 169 && b === 254) return 'internal'; // link-local (cloud metadata services)
	if (a === 172 && b >= 16 && b <= 31) return 'internal';
	if (a === 192 && b === 168) return 'internal';
	if (a === 100 && b >= 64 && b <= 127) return 'internal'; // carrier-grade NAT
	if (a === 192 && b === 0 && parts[2] === 0) return 'internal'; // IETF protocol assignments
	if (a === 198 && (b === 18 || b === 19)) return 'internal'; // benchmarking
	return 'public';
}

function parseIpv4(host: string): number[] | undefined {
	const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
	if (!match) return undefined;
	const parts = match.slice(1).map(Number);
	return parts.every((part) => part <= 255) ? parts : undefined;
}

function ipv6Kind(host: string): HostKind {
	const address = host.toLowerCase();
	if (address === '::1' || address === '0:0:0:0:0:0:0:1') return 'loopback';
	// IPv4-mapped and -compatible forms (::ffff:7f00:1, ::ffff:127.0.0.1) are judged by their IPv4 address.
	const mapped = /^(?:0*:)*(?:ffff:)?((?:\d{1,3}\.){3}\d{1,3})$/.exec(address);
	if (mapped) return ipv4Kind(parseIpv4(mapped[1]) ?? [0]);
	const hexMapped = /^(?:0*:)*ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
	if (hexMapped) {
		const high = parseInt(hexMapped[1], 16);
		const low = parseInt(hexMapped[2], 16);
		return ipv4Kind([high >> 8, high & 255, low >> 8, low & 255]);
	}
	if (/^[0:]*$/.test(address)) return 'internal'; // unspecified
	if (/^f[cd]/.test(address)) return 'internal'; // unique local
	if (/^fe[89ab]/.test(address)) return 'internal'; // link-local
	if (/^ff/.test(address)) return 'internal'; // multicast
	return 'public';
}

/** The kind of a URL's host; names are judged by how they are written (DNS is not consulted). */
export function hostKind(url: URL): HostKind {
	const host = url.hostname
		.replace(/^\[|\]$/g, '')
		.replace(/\.$/, '')
		.toLowerCase();
	if (host.includes(':')) return ipv6Kind(host);
	const ipv4 = parseIpv4(host);
	if (ipv4) return ipv4Kind(ipv4);
	if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
	// Single-label names, mDNS and the names cloud providers give their metadata services.
	if (!host.includes('.') || /\.(local|internal|intranet|lan|home\.arpa)$/.test(host))
		return 'internal';
	return 'public';
}

/** True for URLs whose host is this machine (the one loopback rule; the credential test's expression mirrors it). */
export function isLoopbackUrl(url: URL): boolean {
	return hostKind(url) === 'loopback';
}
