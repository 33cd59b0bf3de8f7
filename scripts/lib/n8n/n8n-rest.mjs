// n8n's internal REST API (the one the editor uses) on a running `n8n start`: owner setup or login,
// running a workflow manually, and reading executions back.
import ky from 'ky';

/** The owner account the demo creates (a local, throw-away instance). */
export const DEMO_OWNER = {
	email: 'demo@n8n-nodes-esim.local',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'Esim-demo-2024',
};

const BROWSER_ID = 'n8n-nodes-esim-demo';

/** Creates the owner on first use (`/rest/owner/setup`), otherwise logs in; returns a client carrying the auth cookie. */
export async function connect(baseUrl, owner = DEMO_OWNER) {
	const api = ky.create({
		prefixUrl: `${baseUrl}/rest`,
		headers: { 'browser-id': BROWSER_ID },
		retry: 0,
		timeout: 30_000,
		throwHttpErrors: false,
	});
	let res = await api.post('owner/setup', { json: owner });
	if (!res.ok)
		res = await api.post('login', {
			json: { emailOrLdapLoginId: owner.email, password: owner.password },
		});
	if (!res.ok) throw new Error(`n8n login failed: HTTP ${res.status} ${await res.text()}`);
	const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
	if (!cookie.startsWith('n8n-auth=')) throw new Error('n8n did not return an auth cookie');
	const authed = api.extend({ headers: { cookie }, throwHttpErrors: true });
	return {
		cookie,
		owner,
		get: (path, searchParams) => authed.get(path, { searchParams }).json(),
		post: (path, json) => authed.post(path, { json }).json(),
		/** Starts a manual run from the named trigger node; resolves the execution id. */
		async runWorkflow(workflowId, triggerName) {
			const body = await authed
				.post(`workflows/${workflowId}/run`, {
					json: { triggerToStartFrom: { name: triggerName } },
				})
				.json();
			return body.data.executionId;
		},
		/** Executions of a workflow (newest first), without their data. */
		async executions(workflowId) {
			const body = await authed
				.get('executions', { searchParams: { filter: JSON.stringify({ workflowId }) } })
				.json();
			return body.data.results ?? body.data;
		},
		/** One execution with its run data parsed (the REST API returns it in flatted form). */
		async execution(id, parse) {
			const body = await authed.get(`executions/${id}`).json();
			const ex = body.data;
			return { ...ex, data: typeof ex.data === 'string' ? parse(ex.data) : ex.data };
		},
	};
}

/** Waits until an execution has finished (status other than new/running/waiting) and returns it. */
export async function waitForExecution(client, id, parse, { timeoutMs = 120_000 } = {}) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const ex = await client.execution(id, parse);
		if (!['new', 'running', 'waiting', 'unknown'].includes(ex.status)) return ex;
		if (Date.now() > deadline)
			throw new Error(`execution ${id} still "${ex.status}" after ${timeoutMs / 1000} s`);
		await new Promise((r) => setTimeout(r, 300));
	}
}
