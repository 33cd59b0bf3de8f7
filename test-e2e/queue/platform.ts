/**
 * What n8n itself reports about the queue-mode cluster: each process's host id (n8n's instance registry and its
 * host-id clash check), the settings n8n runs with (a 3.0-defaults run: N8N_ESIM_DEFAULTS=3.0), and where a manual
 * execution from the editor runs.
 */
import { finishedExecution } from '../../scripts/lib/queue/queue-run.mjs';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = Record<string, any>;

export interface Cluster {
	hostIds: string[];
	workerHostIds: string[];
	clashWarnings: string[];
}

/** GET /rest/instance-registry on main: the registered processes' host ids and the clash check's warnings. */
export async function clusterInfo(ctx: Json): Promise<Cluster> {
	const { data } = (await ctx.client.get('instance-registry')) as Json;
	const instances = (data.instances ?? []) as Json[];
	const checks = Object.values((data.checks ?? {}) as Json) as Json[];
	return {
		hostIds: instances.map((i) => String(i.hostId)),
		workerHostIds: instances
			.filter((i) => i.instanceType === 'worker')
			.map((i) => String(i.hostId)),
		clashWarnings: checks
			.flatMap((c) => (c.warnings ?? []) as Json[])
			.filter((w) => /hostid/i.test(`${w.code} ${w.message}`))
			.map((w) => String(w.message)),
	};
}

/** The settings main hands the editor (GET /rest/settings). */
export async function editorSettings(ctx: Json): Promise<Json> {
	return ((await ctx.client.get('settings')) as Json).data;
}

/** Runs a workflow from its Manual Trigger through the editor's API; resolves the execution and who ran it. */
export async function runFromEditor(
	ctx: Json,
	workflowId: string,
	trigger: string,
): Promise<{ execution: Json; ranOn: string[] }> {
	const id = String(await ctx.client.runWorkflow(workflowId, trigger));
	const execution = await finishedExecution(ctx, id);
	return { execution, ranOn: ctx.cluster.whoRan(id) as string[] };
}
