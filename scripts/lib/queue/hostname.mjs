// Each n8n worker of a one-machine cluster under its own hostname. n8n names a process
// `<main|worker|webhook>-<id>`, the id being the OS hostname inside a container (/.dockerenv, a
// container cgroup) and a random one elsewhere; n8n 2.41 has no setting for it. On one container every
// worker would be `worker-<the container's hostname>` and n8n's cluster check reports them as one
// ("Detected multiple instances sharing the same hostId"). In Docker each container has its own hostname;
// here each worker gets one in a UTS namespace of its own (root, `unshare --uts`), or, where that is not
// allowed, through a preload that answers Node's os.hostname() with it.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PRELOAD = fileURLToPath(new URL('./hostname-preload.cjs', import.meta.url));

let canUnshare;
function unshareWorks() {
	canUnshare ??=
		process.getuid?.() === 0 &&
		spawnSync('unshare', ['--uts', 'sh', '-c', 'hostname n8n-esim-probe'], { stdio: 'ignore' })
			.status === 0;
	return canUnshare;
}

/**
 * The command that starts `node args…` with `hostname` as the OS hostname n8n sees. Resolves
 * { cmd, args, env, how } for startService(); `how` is 'uts-namespace' or 'preload'.
 */
export function withHostname(node, args, hostname) {
	if (unshareWorks())
		return {
			cmd: 'unshare',
			args: ['--uts', 'sh', '-c', 'hostname "$0" && exec "$@"', hostname, node, ...args],
			env: {},
			how: 'uts-namespace',
		};
	return {
		cmd: node,
		args: ['--require', PRELOAD, ...args],
		env: { N8N_ESIM_HOSTNAME: hostname },
		how: 'preload',
	};
}
