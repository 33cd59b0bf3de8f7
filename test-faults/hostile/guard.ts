import net from 'node:net';

/**
 * Refuses, inside this test process, every TCP connection to anything but
 * 127.0.0.1 / ::1 / localhost, and records the attempt: a test can then prove
 * that a node never tried to reach an internal or public address, without any
 * traffic leaving the machine. The refusal happens before any DNS look-up.
 */
export function guardNetwork(): { attempts: string[]; restore(): void } {
	const attempts: string[] = [];
	const original = net.Socket.prototype.connect;
	const loopback = (host: string) =>
		host === '127.0.0.1' || host === '::1' || host === 'localhost' || host === '[::1]';
	net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
		const first = args[0] as { host?: string; port?: number; path?: string } | number | string;
		const options = Array.isArray(first) ? (first[0] as { host?: string; path?: string }) : first;
		const host =
			typeof options === 'object' && options !== null
				? options.path
					? 'localhost'
					: (options.host ?? 'localhost')
				: typeof args[1] === 'string'
					? args[1]
					: 'localhost';
		if (!loopback(host)) {
			attempts.push(host);
			process.nextTick(() =>
				this.destroy(
					Object.assign(new Error(`connection to ${host} refused by the test's network guard`), {
						code: 'ECONNREFUSED',
					}),
				),
			);
			return this;
		}
		return (original as (...a: unknown[]) => net.Socket).apply(this, args);
	} as typeof original;
	return {
		attempts,
		restore: () => {
			net.Socket.prototype.connect = original;
		},
	};
}
