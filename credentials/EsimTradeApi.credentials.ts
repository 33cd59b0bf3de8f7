import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { SAFE_BASE_URL } from '../nodes/shared/transport/credentialTest';

export class EsimTradeApi implements ICredentialType {
	name = 'esimTradeApi';

	displayName = 'eSIMTrade API';

	icon = {
		light: 'file:../nodes/EsimTrade/esimTrade.svg',
		dark: 'file:../nodes/EsimTrade/esimTrade.dark.svg',
	} as const;

	documentationUrl = 'https://api.esimtrade.com/docs/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Code',
			name: 'accessCode',
			type: 'string',
			default: '',
			required: true,
			description:
				'Identifies the API key pair (not secret on its own). Create a pair in the eSIMTrade reseller portal under API keys.',
		},
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The secret key shown once when the API key pair was created',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.esimtrade.com/api/v1',
			placeholder: 'e.g. https://api.esimtrade.com/api/v1',
			description:
				'Leave the default unless eSIMTrade gave you another address. It must start with https:// (http:// is accepted only for localhost).',
		},
		{
			displayName: 'Webhook Signing Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional. Only for the eSIMTrade Webhook Trigger: the signing secret configured for webhooks at eSIMTrade. When set, deliveries without a valid HMAC SHA-256 signature are refused.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'x-access-code': '={{$credentials.accessCode}}',
				'x-secret-key': '={{$credentials.secretKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: SAFE_BASE_URL,
			url: '/portal/balance',
			method: 'GET',
			// A redirect is answered as a failed test, never followed with the credentials.
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
		},
	};
}
