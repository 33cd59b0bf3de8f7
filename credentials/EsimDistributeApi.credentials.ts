import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

import { SAFE_BASE_URL } from '../nodes/shared/transport/credentialTest';
import { signIn } from '../nodes/EsimDistribute/transport/login';

/**
 * The latest sign-in per account in this n8n process, and the token it replaced. Executions running side by
 * side on one worker that all lose the same session (expired, revoked) share one sign-in instead of each
 * signing in; the new token is stored in the credential for every other process as usual.
 */
const latestSignIn = new Map<
	string,
	{ replaced: string; token: Promise<string>; pending: boolean }
>();

export class EsimDistributeApi implements ICredentialType {
	name = 'esimDistributeApi';

	displayName = 'eSIM Distribute API';

	icon = {
		light: 'file:../nodes/EsimDistribute/esimDistribute.svg',
		dark: 'file:../nodes/EsimDistribute/esimDistribute.dark.svg',
	} as const;

	documentationUrl = 'https://esimdistribute.com/api-docs';

	properties: INodeProperties[] = [
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			required: true,
			description: 'The email address you sign in to the eSIM Distribute partner console with',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The password of the partner console account',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://esimdistribute.com',
			placeholder: 'e.g. https://esimdistribute.com',
			description:
				'Leave the default unless eSIM Distribute gave you another address. It must start with https:// (http:// is accepted only for localhost).',
		},
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	/** Signs in and stores the tenant token; n8n runs this again when the token is missing or a call answers 401. */
	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		const account = [credentials.baseUrl, credentials.email, credentials.password]
			.map(String)
			.join('\n');
		const stale = String(credentials.sessionToken ?? '');
		const latest = latestSignIn.get(account);
		if (latest && (latest.pending || (stale !== '' && latest.replaced === stale))) {
			try {
				return { sessionToken: await latest.token };
			} catch {
				// That sign-in failed: try once more below.
			}
		}
		const entry = { replaced: stale, token: signIn(this, credentials), pending: true };
		latestSignIn.set(account, entry);
		try {
			return { sessionToken: await entry.token };
		} finally {
			entry.pending = false;
		}
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.sessionToken}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: SAFE_BASE_URL,
			url: '/api/tenant/profile',
			method: 'GET',
			// A redirect is answered as a failed test, never followed with the credentials.
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
		},
	};
}
