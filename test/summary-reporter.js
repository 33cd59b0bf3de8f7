// Writes jest's totals to a JSON file (JEST_SUMMARY_FILE) so .ci/run can print one plain closing line.
const { writeFileSync } = require('node:fs');

class SummaryReporter {
	onRunComplete(_contexts, results) {
		const file = process.env.JEST_SUMMARY_FILE;
		if (!file) return;
		writeFileSync(
			file,
			JSON.stringify({
				passed: results.numPassedTests,
				failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
				skipped: results.numPendingTests,
			}),
		);
	}
}
module.exports = SummaryReporter;
