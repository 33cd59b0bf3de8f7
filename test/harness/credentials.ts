import {
	ICredentialsHelper,
	isExpression,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type ICredentialType,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeProperties,
	type IRequestOptionsSimplified,
	type Workflow,
} from 'n8n-workflow';

/**
 * The credential store and helper n8n's server provides, reduced to what a node
 * execution needs: decrypted data per credential type, `authenticate` (generic
 * and function form, resolved the way the server resolves them) and
 * `preAuthentication` for expirable tokens, persisted like the server persists them.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	/** How many times a credential's `preAuthentication` ran (token fetches). */
	readonly preAuthCalls: Record<string, number> = {};

	constructor(
		private readonly types: Record<string, ICredentialType>,
		readonly store: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const auth = this.types[typeName]?.authenticate;
		const req = requestOptions as IHttpRequestOptions;
		if (typeof auth === 'function') return await auth(credentials, req);
		if (auth?.type !== 'generic') return req;
		const resolve = (value: string) =>
			!isExpression(value)
				? value
				: String(
						workflow!.expression.getSimpleParameterValue(
							node!,
							value,
							'internal',
							{ $credentials: credentials },
							undefined,
							'',
						) ?? '',
					);
		const target = req as unknown as Record<string, Record<string, unknown>>;
		for (const [section, values] of Object.entries(auth.properties)) {
			target[section] ??= {};
			for (const [key, value] of Object.entries(values as Record<string, string>)) {
				target[section][resolve(key)] = resolve(value);
			}
		}
		return req;
	}

	/** Same rule as n8n's server: refresh when the expirable field is empty or the call reported expiry. */
	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.types[typeName];
		const expirable = type?.properties.find(
			(p) => p.type === 'hidden' && p.typeOptions?.expirable === true,
		);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		const current = credentials[expirable.name];
		if (current !== '' && current !== undefined && !credentialsExpired) return undefined;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		this.preAuthCalls[typeName] = (this.preAuthCalls[typeName] ?? 0) + 1;
		Object.assign(this.store[typeName], output);
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(_details: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		throw new Error(`getCredentials(${type}) is not available in tests`);
	}

	async getDecrypted(
		_additionalData: unknown,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		// A copy, like the server's decrypt: the node may mutate what it gets.
		return { ...(this.store[type] ?? {}) };
	}

	async updateCredentials(
		_details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store[type] = { ...data };
	}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.types[type]?.properties ?? [];
	}
}
