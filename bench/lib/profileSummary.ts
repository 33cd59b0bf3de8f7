/** Self time per frame of a V8 CPU profile (`--cpu-prof`), within a window of the monotonic clock. */

interface CallFrame {
	functionName: string;
	url: string;
	lineNumber: number;
	columnNumber: number;
}

interface ProfileNode {
	id: number;
	callFrame: CallFrame;
}

export interface Profile {
	nodes: ProfileNode[];
	startTime: number;
	endTime: number;
	samples: number[];
	timeDeltas: number[];
}

const ROOT = `${process.cwd()}/`;

/** Where a frame's code lives: this package, an npm package, Node itself, or V8's own buckets. */
export function area(url: string, functionName: string): string {
	if (!url) return functionName.startsWith('(') ? functionName : '(native)';
	if (url.startsWith('node:')) return 'node: (Node core)';
	const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
	if (modules) return modules[1];
	if (url.includes('/bench/.out/dist/')) return 'n8n-nodes-esim (this package)';
	return url.replace(/^file:\/\//, '').replace(ROOT, '');
}

function place(frame: CallFrame): string {
	if (!frame.url) return '';
	const path = frame.url
		.replace(/^file:\/\//, '')
		.replace(ROOT, '')
		.replace(/^.*node_modules\//, '')
		.replace('bench/.out/dist/', '');
	return `${path}:${frame.lineNumber + 1}`;
}

export function summarise(
	profile: Profile,
	fromUs: number,
	toUs: number,
	top: number,
): { sampledMs: number; text: string } {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const self = new Map<string, { frame: CallFrame; us: number }>();
	const areas = new Map<string, number>();
	let at = profile.startTime;
	let total = 0;
	for (let i = 0; i < profile.samples.length; i++) {
		const delta = profile.timeDeltas[i] ?? 0;
		at += delta;
		if (at < fromUs || at > toUs) continue;
		const node = byId.get(profile.samples[i]);
		if (!node) continue;
		// A sample stands for the time until the next one.
		const us = profile.timeDeltas[i + 1] ?? delta;
		total += us;
		const { callFrame } = node;
		const key = `${callFrame.functionName}|${callFrame.url}|${callFrame.lineNumber}`;
		const entry = self.get(key) ?? { frame: callFrame, us: 0 };
		entry.us += us;
		self.set(key, entry);
		const where = area(callFrame.url, callFrame.functionName);
		areas.set(where, (areas.get(where) ?? 0) + us);
	}
	const pct = (us: number) => `${((us / total) * 100).toFixed(1)}%`;
	const ms = (us: number) => (us / 1000).toFixed(1);
	const frames = [...self.values()].sort((a, b) => b.us - a.us).slice(0, top);
	const lines = [
		'| Self ms | Share | Function | Where |',
		'|---:|---:|---|---|',
		...frames.map(
			({ frame, us }) =>
				`| ${ms(us)} | ${pct(us)} | \`${frame.functionName || '(anonymous)'}\` | ${place(frame) || '—'} |`,
		),
		'',
		'| Self ms | Share | Code |',
		'|---:|---:|---|',
		...[...areas.entries()]
			.sort((a, b) => b[1] - a[1])
			.slice(0, 10)
			.map(([where, us]) => `| ${ms(us)} | ${pct(us)} | ${where} |`),
	];
	return { sampledMs: total / 1000, text: lines.join('\n') };
}
