/**
 * Base URL for a credential's test request: an https base URL or a loopback
 * one is used as is (without trailing slashes); any other base URL is replaced
 * by a host under the reserved `.invalid` TLD, which never resolves, so secrets
 * never travel over plain http and the test fails with a message that names
 * the problem. n8n evaluates this as an expression, so it cannot call
 * isLoopbackUrl (url/hostKind.ts); it accepts the same hosts, as written.
 */
export const SAFE_BASE_URL =
	'={{ /^https:\\/\\//i.test($credentials.baseUrl) || /^http:\\/\\/(localhost|127\\.\\d+\\.\\d+\\.\\d+|\\[::1\\])(:\\d+)?(\\/|$)/i.test($credentials.baseUrl) ? $credentials.baseUrl.replace(/\\/+$/, "") : "https://base-url-must-use-https.invalid" }}';
