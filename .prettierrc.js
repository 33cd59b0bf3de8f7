// The formatter of n8n-nodes-starter and n8n's own nodes, at their width. `npm run format` applies it;
// `npm test` checks it (`npm run format:check`).
module.exports = {
	semi: true,
	trailingComma: 'all',
	bracketSpacing: true,
	useTabs: true,
	tabWidth: 2,
	arrowParens: 'always',
	singleQuote: true,
	quoteProps: 'as-needed',
	endOfLine: 'lf',
	printWidth: 100,
};
