import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

/**
 * The three tarballs of `npm run pack:all`, each installed into a scratch folder with npm and
 * loaded like n8n loads a community package. Packs the existing build in dist/ (`npm test` builds
 * it in its scan step); builds first when there is none.
 */
const root = resolve(__dirname, '../..');

interface Packed {
	name: string;
	version: string;
	filename: string;
	kind: 'combined' | 'single';
	folder?: string;
	files: Array<{ path: string; size: number }>;
}

interface LoadedEntry {
	entry: string;
	className: string;
	name: string;
	displayName: string;
	missingIcons: string[];
}

interface Loaded {
	name: string;
	nodes: LoadedEntry[];
	credentials: LoadedEntry[];
	n8n: { nodes: string[]; credentials: string[]; codex: boolean[] };
}

const PROVIDERS = [
	{ name: 'n8n-nodes-esimtrade', folder: 'EsimTrade', other: 'EsimDistribute' },
	{ name: 'n8n-nodes-esim-distribute', folder: 'EsimDistribute', other: 'EsimTrade' },
];

let work: string;
let packages: Packed[];
const installed = new Map<string, string>();

function filesUnder(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
	);
}

/** `npm install <tarball>` into a fresh folder (once per package); resolves the installed package's folder. */
function install(pkg: Packed): string {
	const done = installed.get(pkg.name);
	if (done) return done;
	const scratch = join(work, `install-${pkg.name}`);
	mkdirSync(scratch);
	writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', private: true }));
	const tarball = join(work, 'packages', pkg.filename);
	execFileSync(
		'npm',
		['install', tarball, '--omit=peer', '--ignore-scripts', '--legacy-peer-deps', '--offline', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'],
		{ cwd: scratch, stdio: 'pipe' },
	);
	const dir = join(scratch, 'node_modules', pkg.name);
	installed.set(pkg.name, dir);
	return dir;
}

function load(dir: string): Loaded {
	const stdout = execFileSync(process.execPath, [join(__dirname, 'load-package.cjs'), dir], {
		env: { ...process.env, NODE_PATH: join(root, 'node_modules') },
		encoding: 'utf8',
	});
	return JSON.parse(stdout) as Loaded;
}

const lowerFirst = (text: string) => text[0].toLowerCase() + text.slice(1);
const packed = (name: string) => {
	const found = packages.find((p) => p.name === name);
	if (!found) throw new Error(`pack:all wrote no ${name} tarball`);
	return found;
};

beforeAll(() => {
	work = mkdtempSync(join(tmpdir(), 'esim-packages-'));
	if (!existsSync(join(root, 'dist'))) execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'pipe' });
	const out = join(work, 'packages');
	execFileSync(process.execPath, [join(root, 'scripts', 'pack-all.mjs'), '--no-build', '--no-scan', '--no-sync', '--out', out], {
		cwd: root,
		stdio: 'pipe',
	});
	packages = (JSON.parse(readFileSync(join(out, 'packages.json'), 'utf8')) as { packages: Packed[] }).packages;
}, 240_000);

afterAll(() => {
	if (work) rmSync(work, { recursive: true, force: true });
});

describe('pack:all tarballs', () => {
	it('writes the combined package and one package per provider, all with the same version', () => {
		expect(packages.map((p) => p.name).sort()).toEqual(['n8n-nodes-esim', ...PROVIDERS.map((p) => p.name)].sort());
		const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
		for (const pkg of packages) expect(pkg.version).toBe(version);
	});

	it.each(['n8n-nodes-esim', ...PROVIDERS.map((p) => p.name)])('%s installs with npm and loads every listed node and credential', (name) => {
		const dir = install(packed(name));
		const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { n8n: { nodes: string[]; credentials: string[] } };
		const loaded = load(dir);
		expect(loaded.nodes.map((n) => n.entry)).toEqual(manifest.n8n.nodes);
		expect(loaded.credentials.map((c) => c.entry)).toEqual(manifest.n8n.credentials);
		for (const entry of [...loaded.nodes, ...loaded.credentials]) {
			expect(entry.name).toBe(lowerFirst(entry.className));
			expect(entry.missingIcons).toEqual([]);
		}
		expect(loaded.n8n.nodes.sort()).toEqual(loaded.nodes.map((n) => `${name}.${n.name}`).sort());
		expect(loaded.n8n.credentials.sort()).toEqual(loaded.credentials.map((c) => c.name).sort());
		expect(loaded.n8n.codex.every(Boolean)).toBe(true);
	});

	it.each(PROVIDERS)('$name holds its own provider and nothing of $other', ({ name, folder, other }) => {
		const dir = install(packed(name));
		const files = filesUnder(dir).map((file) => relative(dir, file).split('\\').join('/'));
		expect(files.some((f) => f.startsWith(`dist/nodes/${folder}/`))).toBe(true);
		expect(files.some((f) => f.startsWith('dist/nodes/shared/'))).toBe(true);
		expect(files.filter((f) => f.includes(other) || /\.ts$|(^|\/)(test|sandbox|node_modules)\//.test(f))).toEqual([]);
		const mentions = files.filter((f) => f.startsWith('dist/') && readFileSync(join(dir, f), 'utf8').toLowerCase().includes(other.toLowerCase()));
		expect(mentions).toEqual([]);
		const codex = JSON.parse(readFileSync(join(dir, `dist/nodes/${folder}/${folder}.node.json`), 'utf8')) as { node: string };
		expect(codex.node).toBe(`${name}.${lowerFirst(folder)}`);
	});
});
