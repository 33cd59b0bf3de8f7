import type { IDataObject, INode } from 'n8n-workflow';

/**
 * The status events a polling trigger reads from a provider's lists (see
 * statusEvents.ts); a provider's event catalogue names which of them it offers.
 */
export type StatusEvent =
	'newOrder' | 'statusChanged' | 'fulfilled' | 'failed' | 'esimStatusChanged';

/** One event of a provider's catalogue, as the Trigger On list shows it. */
export interface EventEntry {
	name: string;
	description: string;
}

/** A list the trigger watches: newest first, paginated, optionally filterable by status. */
export interface StatusSource {
	/** The trigger node, for errors. */
	node: INode;
	/** What the list is, for errors, e.g. `the eSIMTrade order list`. */
	what: string;
	pageSize: number;
	/** One page, newest first; `status` narrows the list when given. `total` when the provider reports it. */
	fetchPage(page: number, status?: string): Promise<{ rows: IDataObject[]; total?: number }>;
	idOf(row: IDataObject): string;
	statusOf(row: IDataObject): string;
	/** The current record, for one that left its status list; undefined when not found. */
	lookup(id: string): Promise<IDataObject | undefined>;
	/** Whether a record in this status can still change in a way the trigger reports. */
	isTracked(status: string): boolean;
}

/** A stretch of the list not walked yet: rows after `after` (found at or after `page`) until one of `stop`. */
export interface Gap {
	after: string | null;
	page: number;
	stop: string[];
	/** Whether rows found here are reported (false while taking the first baseline). */
	emit: boolean;
}

/** What the trigger keeps between polls, in the node's static data. Survives JSON and stays small. */
export interface TrackerState {
	v: 1;
	/** Changes when the watched list or event changes, so a new baseline is taken. */
	kind: string;
	/** Newest ids seen: where the next walk for new records stops. */
	head: string[];
	/** Walks a poll could not finish in its time budget, newest first. */
	gaps: Gap[];
	/** Last status of every record that can still change. */
	known: Record<string, string>;
}

export interface Change {
	id: string;
	row: IDataObject;
	/** null for a record seen for the first time. */
	previousStatus: string | null;
	status: string;
}
