/**
 * Reading a response body within a bound on its DECODED size. n8n's request
 * helpers decompress gzip, deflate and br replies without any limit, so every
 * provider answer is taken as a stream (`encoding: 'stream'`) and read here:
 * reading stops, and the connection is closed, as soon as the decoded bytes
 * pass the bound, so a small compressed reply that would decode to gigabytes
 * never occupies more than the bound in memory.
 */

/** What kind of answer a route gives, which sets how large its decoded body may be. */
export type BodyKind = 'object' | 'page' | 'export';

/** Decoded bytes allowed per kind of answer. */
export const BODY_LIMITS: Readonly<Record<BodyKind, number>> = {
	/** One record: a balance, an order, a profile, an error text. */
	object: 1024 * 1024,
	/** One page of a list, or a catalog answered in one reply. */
	page: 8 * 1024 * 1024,
	/** A CSV export. */
	export: 64 * 1024 * 1024,
};

/** The response body n8n hands over with `encoding: 'stream'`. */
export interface BodyStream extends AsyncIterable<unknown> {
	destroy(error?: Error): void;
}

export type Capped =
	| { data: Buffer }
	/** More than `max` decoded bytes: `read` is how many were read before stopping. */
	| { tooLarge: { max: number; read: number } }
	/** The stream broke off or the signal fired before its end. */
	| { broken: { aborted: boolean } };

export function isBodyStream(value: unknown): value is BodyStream {
	return (
		!!value &&
		typeof value === 'object' &&
		typeof (value as Partial<BodyStream>)[Symbol.asyncIterator] === 'function' &&
		typeof (value as Partial<BodyStream>).destroy === 'function'
	);
}

/** Closes a body that is not going to be read. */
export function discardBody(body: unknown): void {
	if (isBodyStream(body)) body.destroy();
}

/** Reads a body stream up to `max` decoded bytes; stops reading (and closes the connection) beyond it. */
export async function readCapped(
	stream: BodyStream,
	max: number,
	signal: AbortSignal,
): Promise<Capped> {
	const chunks: Buffer[] = [];
	let size = 0;
	const stop = () => stream.destroy(new Error('deadline'));
	if (signal.aborted) {
		stream.destroy();
		return { broken: { aborted: true } };
	}
	signal.addEventListener('abort', stop, { once: true });
	try {
		for await (const chunk of stream) {
			const piece = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
			size += piece.length;
			if (size > max) {
				stream.destroy();
				return { tooLarge: { max, read: size } };
			}
			chunks.push(piece);
		}
	} catch {
		return { broken: { aborted: signal.aborted } };
	} finally {
		signal.removeEventListener('abort', stop);
	}
	return { data: Buffer.concat(chunks) };
}

/** A byte count in words: `1 MB`, `64 MB`, `512 kB`. */
export function sizeText(bytes: number): string {
	if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
	return `${Math.round(bytes / 1024)} kB`;
}

/**
 * The decoded bytes as n8n's own JSON handling would give them: parsed JSON
 * when they parse, else the text itself (so an HTML page or cut-off JSON is
 * recognised as unreadable later); `text` keeps the text as it is. A leading
 * byte-order mark is dropped.
 */
export function decodeBody(data: Buffer, text: boolean): unknown {
	let value = data.toString('utf8');
	if (value.charCodeAt(0) === 0xfeff) value = value.slice(1);
	if (text || !value) return value;
	try {
		return JSON.parse(value) as unknown;
	} catch {
		return value;
	}
}
