import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * The purchase under way per credential in this n8n process: the tail of a
 * queue of promises, removed when the queue empties (so it never grows).
 */
const queues = new Map<string, Promise<void>>();

/** The key purchases are serialised on: the credential's id, else its type. */
export function purchaseKey(ctx: IExecuteFunctions, credentialType: string): string {
	const id = ctx.getNode().credentials?.[credentialType]?.id;
	return `${credentialType}:${id ?? 'default'}`;
}

/**
 * Runs `step` (balance check, guards, the money-moving request and its answer)
 * only after every earlier step for the same credential in this process has
 * ended, so two executions cannot both pass Keep Wallet Balance At Least on the
 * same balance. The wait is bounded by the steps ahead of it: each ends within
 * its requests' own total bounds. Across processes (queue-mode workers) nothing
 * is shared: there the provider's own balance check is the final word.
 */
export async function oneAtATime<T>(key: string, step: () => Promise<T>): Promise<T> {
	const ahead = queues.get(key) ?? Promise.resolve();
	let release: () => void = () => {};
	const mine = new Promise<void>((resolve) => {
		release = resolve;
	});
	const tail = ahead.then(async () => await mine);
	queues.set(key, tail);
	try {
		await ahead;
		return await step();
	} finally {
		release();
		if (queues.get(key) === tail) queues.delete(key);
	}
}
