import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
	method: string;
	path: string;
	query: URLSearchParams;
	headers: IncomingMessage['headers'];
	body: string;
	json?: Record<string, unknown>;
}

export type Handler = (req: Received, res: ServerResponse) => void | Promise<void>;

export interface HostileServer {
	url: string;
	port: number;
	/** Every request received, in order. */
	received: Received[];
	/** Bytes written to response bodies (by handlers that count them). */
	sent: { bytes: number };
	close(): Promise<void>;
}

/** A small HTTP server on 127.0.0.1 that answers as `handler` says: a provider misbehaving on purpose. */
export async function hostileServer(handler: Handler): Promise<HostileServer> {
	const received: Received[] = [];
	const sockets = new Set<import('node:net').Socket>();
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			const body = Buffer.concat(chunks).toString('utf8');
			let json: Record<string, unknown> | undefined;
			try {
				json = body ? (JSON.parse(body) as Record<string, unknown>) : undefined;
			} catch {
				json = undefined;
			}
			const entry: Received = {
				method: req.method ?? 'GET',
				path: url.pathname,
				query: url.searchParams,
				headers: req.headers,
				body,
				json,
			};
			received.push(entry);
			Promise.resolve(handler(entry, res)).catch((error: unknown) => {
				res.statusCode = 500;
				res.end(String(error));
			});
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		received,
		sent: { bytes: 0 },
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

export function sendJson(
	res: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string> = {},
): void {
	res.writeHead(status, { 'content-type': 'application/json', ...headers });
	res.end(JSON.stringify(body));
}
