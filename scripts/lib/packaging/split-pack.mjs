// `npm pack` of a package folder into an output folder, and the record pack:all keeps of each
// tarball (`packages.json` next to the tarballs) for release:check and the packaging test.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Packs `dir` into `outDir`; resolves the tarball's name, version, sizes and file list. */
export function npmPack(dir, outDir) {
	const stdout = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--loglevel=error', '--pack-destination', outDir], {
		cwd: dir,
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	const [info] = JSON.parse(stdout.slice(stdout.indexOf('[')));
	return {
		name: info.name,
		version: info.version,
		filename: info.filename,
		size: info.size,
		unpackedSize: info.unpackedSize,
		files: info.files.map((f) => ({ path: f.path, size: f.size })).sort((a, b) => a.path.localeCompare(b.path)),
	};
}

export const RECORD = 'packages.json';

export function writeRecord(outDir, packages) {
	writeFileSync(join(outDir, RECORD), `${JSON.stringify({ packages }, null, 2)}\n`);
}

/** The packages pack:all wrote into `outDir`. */
export function readRecord(outDir) {
	return JSON.parse(readFileSync(join(outDir, RECORD), 'utf8')).packages;
}

const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

/** One line per tarball: name, size, unpacked size, file count. */
export function summaryLines(packages) {
	const width = Math.max(...packages.map((p) => p.filename.length));
	return packages.map(
		(p) => `${p.filename.padEnd(width)}  ${kB(p.size).padStart(9)} packed  ${kB(p.unpackedSize).padStart(9)} unpacked  ${String(p.files.length).padStart(3)} files`,
	);
}
