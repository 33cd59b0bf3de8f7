import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import {
	createServer as createHttpServer,
	type IncomingHttpHeaders,
	type Server,
	type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One request a hostile server received, with its whole body. */
export interface Received {
	method: string;
	/** Path and query. */
	url: string;
	path: string;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	body: string;
}

export type Handler = (req: Received, res: ServerResponse) => void | Promise<void>;

/** A plain node:http(s) server on 127.0.0.1 that records everything it receives. */
export interface Hostile {
	/** `http://127.0.0.1:<port>` (or https). */
	origin: string;
	port: number;
	received: Received[];
	/** Everything received, as one text, to search for secrets. */
	transcript(): string;
	close(): Promise<void>;
}

export interface Tls {
	key: string;
	cert: string;
}

/** A self-signed certificate for 127.0.0.1, made with openssl for this test run. */
export function selfSignedCert(): Tls {
	const dir = mkdtempSync(join(tmpdir(), 'hostile-tls-'));
	try {
		execFileSync(
			'openssl',
			[
				'req',
				'-x509',
				'-newkey',
				'rsa:2048',
				'-nodes',
				'-days',
				'1',
				'-subj',
				'/CN=127.0.0.1',
				'-addext',
				'subjectAltName=IP:127.0.0.1',
				'-keyout',
				join(dir, 'key.pem'),
				'-out',
				join(dir, 'cert.pem'),
			],
			{ stdio: 'ignore' },
		);
		return {
			key: readFileSync(join(dir, 'key.pem'), 'utf8'),
			cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
		};
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

export async function startHostile(handler: Handler, tls?: Tls): Promise<Hostile> {
	const received: Received[] = [];
	const sockets = new Set<Socket>();
	const listener = (req: import('node:http').IncomingMessage, res: ServerResponse) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			const entry: Received = {
				method: req.method ?? 'GET',
				url: req.url ?? '/',
				path: url.pathname,
				query: url.searchParams,
				headers: req.headers,
				body: Buffer.concat(chunks).toString('utf8'),
			};
			received.push(entry);
			Promise.resolve(handler(entry, res)).catch(() => res.destroy());
		});
	};
	const server: Server = tls ? createHttpsServer(tls, listener) : createHttpServer(listener);
	server.on('connection', (socket: Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
		port,
		received,
		transcript: () => JSON.stringify(received),
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** Sends a JSON body. */
export function json(
	res: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string> = {},
): void {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'content-type': 'application/json',
		'content-length': Buffer.byteLength(text),
		...headers,
	});
	res.end(text);
}

/** Sends a raw body with the given content type. */
export function raw(
	res: ServerResponse,
	status: number,
	body: string,
	contentType = 'application/json',
): void {
	res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
	res.end(body);
}

/** Prints a measured figure of a hostile test (for the before/after comparison). */
export function figure(name: string, values: Record<string, unknown>): void {
	process.stdout.write(`FIGURE ${name}: ${JSON.stringify(values)}\n`);
}

/** What the other origin received that matters: requests, credential headers, passwords and purchases. */
export function leaks(other: Hostile, secrets: string[]): Record<string, number> {
	const text = other.transcript();
	return {
		requests: other.received.length,
		credentialHeaders: other.received.filter(
			(r) => r.headers['x-secret-key'] || r.headers.authorization,
		).length,
		secretValues: secrets.filter((s) => text.includes(s)).length,
		purchases: other.received.filter((r) => r.method === 'POST' && /order|checkout/.test(r.path))
			.length,
	};
}
