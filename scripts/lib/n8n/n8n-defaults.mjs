// A "3.0 defaults" run: the settings n8n 3.0 makes the default, applied to the newest n8n 2.x of the matrix
// (n8n 3.0 ships only as a Docker image). Chosen with N8N_ESIM_DEFAULTS=3.0 in the environment of the suites
// (`npm run test:e2e`, `npm run test:queue`); without it n8n runs with the installed version's own defaults.
// What each setting does in n8n 2.41.1, read in its source: docs/docker.md ("n8n 3.0 defaults").

/** The environment variable that selects the run's defaults. */
export const DEFAULTS_VARIABLE = 'N8N_ESIM_DEFAULTS';

const MODES = ['3.0'];

/** '3.0' for a 3.0-defaults run, undefined for the installed version's own defaults. */
export function defaultsMode(env = process.env) {
	const value = env[DEFAULTS_VARIABLE]?.trim();
	if (!value) return undefined;
	if (!MODES.includes(value))
		throw new Error(
			`${DEFAULTS_VARIABLE}=${value} is not a known set of defaults (known: ${MODES.join(', ')}); leave it unset for the installed n8n's own defaults`,
		);
	return value;
}

/**
 * What every n8n process of a run gets on top of the user folder's environment (regular mode):
 * binary data on the filesystem (3.0 removes the in-memory mode) and unverified community packages off.
 */
export function regularModeDefaults(mode = defaultsMode()) {
	if (mode !== '3.0') return {};
	return {
		N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'false',
	};
}

/**
 * Queue mode's additions: binary data in the database (the filesystem is not shared between main and
 * the workers here; n8n's own queue-mode default), and manual (editor) executions run on the workers.
 */
export function queueModeDefaults(mode = defaultsMode()) {
	if (mode !== '3.0') return {};
	return {
		...regularModeDefaults(mode),
		N8N_DEFAULT_BINARY_DATA_MODE: 'database',
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
	};
}
