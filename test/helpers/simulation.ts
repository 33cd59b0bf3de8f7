import type { INode, INodeType } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import type { Harness } from '../harness/run';
import { Poller } from './poller';

/** Deterministic random numbers (mulberry32). */
export function rng(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** What the simulation needs from one provider's simulator and trigger. */
export interface SimulatedProvider {
	name: string;
	/** Where an order can go next; statuses missing here never change again. */
	next: Record<string, string[]>;
	/** Status-filtered lists read per no-change poll at most (the open statuses). */
	openStatuses: number;
	idField: string;
	/** `METHOD /path` of the list route, for injecting failures. */
	listRoute: string;
	seed(n: number, status: string): Array<{ id: string }>;
	/** Every order with its current status. */
	orders(): Array<{ id: string; status: string }>;
	setStatus(id: string, status: string): void;
	trigger(): INodeType;
	node: INode;
	harness: Harness;
	sandbox: Sandbox;
}

export interface SimulationReport {
	transitions: number;
	rounds: number;
	restarts: number;
	failures: number;
	orders: number;
	tracked: number;
	idleRequests: number;
	maxRequests: number;
	maxStateBytes: number;
	mismatches: string[];
	duplicates: number;
}

/**
 * Drives `target` status transitions through the sandbox between polls of the
 * trigger (static data through JSON every time), restarting the trigger 5 times
 * and failing 6 polls, and checks after every poll that each order is exactly
 * where the workflow last heard it was and that no event id came twice.
 */
export async function simulate(
	p: SimulatedProvider,
	target: number,
	openAtStart: number,
	closedAtStart: number,
): Promise<SimulationReport> {
	const random = rng(7);
	const poller = new Poller(p.harness, p.trigger(), p.node, () => p.trigger());
	const firstStatus = Object.keys(p.next)[0];
	const closed = Object.values(p.next)
		.flat()
		.find((s) => !p.next[s]) as string;
	p.seed(closedAtStart, closed);
	p.seed(openAtStart, firstStatus);
	const baseline = await poller.poll();
	const seen = new Map(p.orders().map((o) => [o.id, o.status]));
	const report: SimulationReport = {
		transitions: 0,
		rounds: 0,
		restarts: 0,
		failures: 0,
		orders: 0,
		tracked: 0,
		idleRequests: 0,
		maxRequests: 0,
		maxStateBytes: 0,
		mismatches: [],
		duplicates: baseline.length,
	};
	const eventIds = new Set<string>();
	while (report.transitions < target && report.mismatches.length === 0) {
		report.rounds++;
		report.transitions += p.seed(Math.floor(random() * 80), firstStatus).length;
		const live = p.orders().filter((o) => p.next[o.status]);
		for (let n = Math.floor(random() * 200); n > 0 && live.length; n--) {
			const order = live[Math.floor(random() * live.length)];
			const options = p.next[order.status];
			if (!options) continue;
			order.status = options[Math.floor(random() * options.length)];
			p.setStatus(order.id, order.status);
			report.transitions++;
		}
		if (report.rounds % 6 === 0 && report.restarts < 5) {
			poller.restart();
			report.restarts++;
		}
		if (report.rounds % 5 === 0 && report.failures < 6) {
			const before = JSON.stringify(poller.staticData);
			p.sandbox.faults.addRule({ route: p.listRoute, kind: '5xx', count: 6, retryAfterSec: 0 });
			const failed = await poller.poll().then(
				() => false,
				() => true,
			);
			if (!failed || JSON.stringify(poller.staticData) !== before)
				report.mismatches.push(`round ${report.rounds}: failed poll changed state`);
			report.failures++;
			continue;
		}
		p.sandbox.log.clear();
		const events = await poller.poll();
		report.maxRequests = Math.max(report.maxRequests, p.sandbox.log.count({}));
		for (const event of events) {
			const id = String(event[p.idField]);
			if (eventIds.has(String(event.eventId))) report.duplicates++;
			eventIds.add(String(event.eventId));
			const expected = seen.has(id) ? seen.get(id) : null;
			if (event.previousStatus !== expected)
				report.mismatches.push(
					`${id}: previous ${String(event.previousStatus)} ≠ ${String(expected)}`,
				);
			seen.set(id, String(event.status));
		}
		for (const order of p.orders()) {
			if (seen.get(order.id) !== order.status)
				report.mismatches.push(
					`${order.id}: seen ${String(seen.get(order.id))}, is ${order.status}`,
				);
		}
		report.maxStateBytes = Math.max(report.maxStateBytes, poller.stateBytes());
	}
	p.sandbox.log.clear();
	if ((await poller.poll()).length) report.mismatches.push('events after the last change');
	report.idleRequests = p.sandbox.log.count({});
	report.orders = p.orders().length;
	report.tracked = p.orders().filter((o) => p.next[o.status]).length;
	return report;
}
