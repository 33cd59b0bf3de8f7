import { compact } from './dedupe';

/** Keys remembered in memory per trigger, newest last. */
const MAX_KEYS = 5000;

const inFlight = new Set<string>();
const done = new Map<string, true>();

function remember(key: string): void {
	done.delete(key);
	done.set(key, true);
	if (done.size > MAX_KEYS) done.delete(done.keys().next().value as string);
}

/**
 * A second line of defence beside the static data, inside one n8n process:
 * n8n loads a workflow's static data when a delivery arrives and saves it when
 * the delivery is done, so a retry that arrives while the first attempt is
 * still running, or two deliveries of the same change at the same moment, would
 * both pass the stored checks. Here they meet in memory instead.
 */
export const memory = {
	/** 'busy' while the same delivery is being handled, 'seen' once handled, else claims it. */
	claimDelivery(scope: string, key: string): 'busy' | 'seen' | 'claimed' {
		const id = `${scope}\u0000${key}`;
		if (inFlight.has(id)) return 'busy';
		if (done.has(id)) return 'seen';
		inFlight.add(id);
		return 'claimed';
	},
	/** Ends a claim; `handled` remembers the delivery, otherwise it may come again (e.g. after a 503). */
	releaseDelivery(scope: string, key: string, handled: boolean): void {
		const id = `${scope}\u0000${key}`;
		inFlight.delete(id);
		if (handled) remember(id);
	},
	/** True the first time an event id is emitted by this trigger in this process. */
	firstEmit(scope: string, eventId: string): boolean {
		const id = `${scope}\u0000event\u0000${compact(eventId)}`;
		if (done.has(id)) return false;
		remember(id);
		return true;
	},
};
