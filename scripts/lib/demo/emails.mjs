// The customer emails the example workflows sent to the local SMTP sink, read back: who got which eSIM,
// whether the attached QR code decodes to that eSIM's activation code, and the install links in the body.
import { decodeQrPng } from './qr-scan.mjs';

/** The first ICCID (19–20 digits after "ICCID") in an email's text or HTML. */
function iccidIn(message) {
	return /ICCID:?\s*(?:<[^>]+>\s*)*(\d{19,20})/.exec(`${message.text}\n${message.html}`)?.[1];
}

/** Every href in an email's HTML (entities decoded). */
function linksIn(message) {
	return [...message.html.matchAll(/href="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
}

/**
 * One row per email: { to, subject, iccid, qrText, qrFiles, links }. `qrText` is what the attached PNG's QR
 * code says (undefined when no PNG attachment decodes).
 */
export function readEmails(messages) {
	return messages.map((message) => {
		const pngs = message.attachments.filter((a) => a.contentType === 'image/png');
		let qrText;
		for (const png of pngs) {
			try {
				qrText ??= decodeQrPng(png.content);
			} catch {
				/* not a PNG the scanner reads */
			}
		}
		return {
			to: message.to,
			subject: message.subject,
			iccid: iccidIn(message),
			qrText,
			qrFiles: pngs.map((p) => p.filename),
			links: linksIn(message),
		};
	});
}

/** The demo's lines for the emails delivered: recipient, ICCID, and whether the QR matches the activation code. */
export function emailLines(messages, activationByIccid) {
	const rows = readEmails(messages);
	const lines = [`Emails delivered to the local SMTP sink: ${rows.length}`];
	for (const row of rows) {
		const expected = activationByIccid.get(row.iccid);
		const verdict = !row.qrText
			? 'no QR code found'
			: row.qrText === expected
				? 'QR decoded = activation code'
				: `QR decoded to "${row.qrText}", not the activation code`;
		lines.push(`  to ${row.to.join(', ')}  ICCID ${row.iccid ?? '?'}  ${verdict}`);
	}
	return lines;
}
