import {
	UserError,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IHttpRequestHelper,
	type IN8nHttpFullResponse,
} from 'n8n-workflow';

import { checkBaseUrl } from '../../shared/url/baseUrl';
import {
	BODY_LIMITS,
	decodeBody,
	isBodyStream,
	readCapped,
	sizeText,
} from '../../shared/transport/boundedBody';
import { redirectTarget, scrub } from '../../shared/transport/errors';
import { redactText, spellings } from '../../shared/transport/redact';
import { unwrapFailure } from '../../shared/transport/send';
import { envelopeText } from './index';
import { isRecord } from '../../shared/json/records';

const SIGN_IN_TIMEOUT_MS = 30_000;

/** Where a sign-in answer may carry the session token; the provider does not document the field. */
const TOKEN_FIELDS = ['token', 'accessToken', 'access_token', 'jwt', 'idToken', 'sessionToken'];

/** The session token in a sign-in answer: top level, inside `data`, or inside a `tokens` object. */
export function tokenFrom(body: unknown): string | undefined {
	if (typeof body === 'string')
		return /^[\w-]+\.[\w-]+\.[\w-]+$/.test(body.trim()) ? body.trim() : undefined;
	if (!isRecord(body)) return undefined;
	const places = [
		body,
		body.data,
		isRecord(body.data) ? body.data.tokens : undefined,
		body.tokens,
	].filter(isRecord);
	for (const place of places) {
		for (const field of TOKEN_FIELDS) {
			const value = place[field];
			if (typeof value === 'string' && value.trim()) return value.trim().replace(/^Bearer\s+/i, '');
		}
	}
	return undefined;
}

/**
 * A sign-in failure. The HTTP status travels one level down in `cause`, so
 * n8n does not take it for an expired token and sign in again, while the
 * node's transport still finds it and explains it.
 */
function signInError(
	message: string,
	status: number,
	said?: string,
	headers: IDataObject = {},
	final = false,
): UserError {
	const description = 'Open the "eSIM Distribute API" credential, correct it and save it.';
	const response: IDataObject = { status, headers, data: said ? { message: said } : {} };
	// An answer that asking again would only repeat is marked final, so the transport does not try it again.
	if (final) response.final = { message, description };
	return new UserError(message, { cause: { response }, description });
}

/**
 * `POST /api/tenant/login` with the credential's email and password; returns
 * the session token. The password is sent only to an https base URL (http for
 * localhost), never follows a redirect, and never appears in an error (nor
 * does the token): the provider's text is searched for their values.
 */
export async function signIn(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	const checked = checkBaseUrl(credentials.baseUrl);
	if ('problem' in checked)
		throw signInError(`${checked.problem}. The email and password were not sent.`, 400);
	const deadline = AbortSignal.timeout(SIGN_IN_TIMEOUT_MS);
	let response: IN8nHttpFullResponse;
	try {
		response = (await helper.helpers.httpRequest({
			method: 'POST',
			url: `${checked.url}/api/tenant/login`,
			body: { email: credentials.email, password: credentials.password },
			json: true,
			encoding: 'stream',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: SIGN_IN_TIMEOUT_MS,
			abortSignal: deadline,
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
		})) as IN8nHttpFullResponse;
	} catch (error) {
		const code = deadline.aborted
			? 'ETIMEDOUT'
			: (unwrapFailure(error).failure?.code ?? 'EUNKNOWN');
		const failure = new UserError(
			deadline.aborted
				? `eSIM Distribute did not finish answering the sign-in within ${SIGN_IN_TIMEOUT_MS / 1000} s. Try again later.`
				: `Could not reach eSIM Distribute to sign in (${code}). Check the Base URL in the credential.`,
		);
		Object.assign(failure, { code });
		throw failure;
	}
	const status = response.statusCode;
	const read = isBodyStream(response.body)
		? await readCapped(response.body, BODY_LIMITS.object, deadline)
		: { data: Buffer.from(JSON.stringify(response.body ?? '')) };
	if ('broken' in read) {
		throw new UserError(
			read.broken.aborted
				? `eSIM Distribute did not finish answering the sign-in within ${SIGN_IN_TIMEOUT_MS / 1000} s. Try again later.`
				: 'The connection to eSIM Distribute broke off during the sign-in. Try again later.',
		);
	}
	if ('tooLarge' in read) {
		// Reported as a bad gateway (502): the provider's answer could not be used, whatever its status.
		const said = `eSIM Distribute answered the sign-in with an answer larger than ${sizeText(read.tooLarge.max)} once decompressed, the limit for this kind of answer; it was refused unread`;
		throw signInError(`${said}. Check the Base URL in the credential.`, 502, said, {}, true);
	}
	const body = decodeBody(read.data, false);
	if (status >= 300 && status < 400) {
		const location = String((response.headers as IDataObject | undefined)?.location ?? '');
		const target = redirectTarget(location || undefined, checked.url);
		throw signInError(
			`eSIM Distribute answered the sign-in with a redirect (HTTP ${status}) to ${target}; it was not followed, so the email and password were not sent there. Check the Base URL in the credential.`,
			status,
			undefined,
			{ location },
		);
	}
	const secrets = spellings([credentials.password, credentials.sessionToken, tokenFrom(body)]);
	const text = envelopeText(body);
	const said = text === undefined ? undefined : redactText(text, secrets);
	const shown = said ? `: ${scrub(said)}` : '';
	if (status === 429 || status >= 500) {
		throw signInError(
			`eSIM Distribute could not sign in right now (HTTP ${status})${shown}. Try again later.`,
			status,
			said,
		);
	}
	const token =
		status < 400 && (body as IDataObject)?.success !== false ? tokenFrom(body) : undefined;
	if (token) return token;
	if (status < 400 && (body as IDataObject)?.success !== false) {
		throw signInError(
			`eSIM Distribute accepted the sign-in but its answer held no session token (looked for ${TOKEN_FIELDS.join(', ')}).`,
			401,
		);
	}
	throw signInError(
		`eSIM Distribute refused the email or password of the credential (HTTP ${status}${shown}). Check them and save the credential again.`,
		401,
		said,
	);
}
