// A local SMTP server on 127.0.0.1 that accepts every message and keeps it, parsed, in memory: the demo
// and the e2e suite point n8n's SMTP credential at it, so the example workflows' emails go out for real
// and can be read back (recipient, body, attachments).
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { freePort, onCleanup } from '../common/processes.mjs';

/** Name and id of the SMTP credential the demo imports (n8n's `smtp` credential type). */
export const SMTP_CREDENTIAL = { id: 'smtpLocalSink001', name: 'SMTP (local sink)' };

/**
 * Starts the sink. Resolves { host, port, messages, credential, waitFor(n), close() }; each message is
 * { from, to: [addresses], subject, html, text, attachments: [{ filename, contentType, content: Buffer }] }.
 * @param {{ port?: number }} [options]
 */
export async function startSmtpSink({ port } = {}) {
	const messages = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		size: 10 * 1024 * 1024,
		onData(stream, session, callback) {
			simpleParser(stream)
				.then((mail) => {
					messages.push({
						from: mail.from?.text,
						to: session.envelope.rcptTo.map((r) => r.address),
						headerTo: mail.to ? [mail.to].flat().flatMap((a) => a.value.map((v) => v.address)) : [],
						subject: mail.subject,
						html: typeof mail.html === 'string' ? mail.html : '',
						text: mail.text ?? '',
						attachments: mail.attachments.map((a) => ({
							filename: a.filename,
							contentType: a.contentType,
							content: a.content,
						})),
					});
					callback();
				})
				.catch(callback);
		},
	});
	const listenPort = port ?? (await freePort());
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(listenPort, '127.0.0.1', () => resolve(undefined));
	});
	let closed = false;
	const close = () =>
		new Promise((resolve) => {
			if (closed) return resolve();
			closed = true;
			server.close(() => resolve());
		});
	onCleanup(() => void close());
	return {
		host: '127.0.0.1',
		port: listenPort,
		messages,
		/** n8n credential (import:credentials form) that sends through this sink. */
		credential: {
			...SMTP_CREDENTIAL,
			type: 'smtp',
			data: {
				user: '',
				password: '',
				host: '127.0.0.1',
				port: listenPort,
				secure: false,
				disableStartTls: true,
			},
		},
		/** Resolves once at least `count` messages arrived (rejects after `timeoutMs`). */
		async waitFor(count, { timeoutMs = 60_000 } = {}) {
			const deadline = Date.now() + timeoutMs;
			while (messages.length < count) {
				if (Date.now() > deadline)
					throw new Error(`the SMTP sink received ${messages.length} of ${count} expected emails`);
				await new Promise((r) => setTimeout(r, 100));
			}
			return messages;
		},
		close,
	};
}
