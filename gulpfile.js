// Copies what tsc does not emit into dist: node icons (light and dark SVG/PNG) and codex files.
const { src, dest } = require('gulp');

function buildIcons() {
	return src(['nodes/**/*.{png,svg}', 'nodes/**/*.node.json'], { encoding: false }).pipe(
		dest('dist/nodes'),
	);
}

exports['build:icons'] = buildIcons;
