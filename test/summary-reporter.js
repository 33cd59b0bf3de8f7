// Writes jest's totals to JEST_SUMMARY_DIR (one file per run) so .ci/run can print one plain closing line.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class SummaryReporter {
	onRunComplete(_contexts, results) {
		const dir = process.env.JEST_SUMMARY_DIR;
		if (!dir) return;
		mkdirSync(dir, { recursive: true });
		writeFileSync(
			join(dir, `jest-${process.pid}-${Date.now()}.json`),
			JSON.stringify({
				passed: results.numPassedTests,
				failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
				skipped: results.numPendingTests,
			}),
		);
	}
}
module.exports = SummaryReporter;
