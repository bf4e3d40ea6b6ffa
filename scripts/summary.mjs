// Prints the closing line CI reads: `tests: N passed, N failed` (always the last line).
// Usage: node scripts/summary.mjs reports/unit.json reports/browser.json reports/e2e.json
// Reads Vitest JSON (numPassedTests / numFailedTests) and Playwright JSON
// (stats.expected + stats.flaky / stats.unexpected). Exits 1 if anything failed, if no test
// passed, or if a listed report is missing or unreadable (its runner crashed).
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let broken = false;
const notes = [];

for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    notes.push(`summary: ${file} missing (its runner did not finish)`);
    broken = true;
    continue;
  }
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    notes.push(`summary: ${file} unreadable: ${err instanceof Error ? err.message : String(err)}`);
    broken = true;
    continue;
  }
  let p = 0;
  let f = 0;
  if (report.stats && 'expected' in report.stats) {
    // Playwright JSON reporter
    p = report.stats.expected + report.stats.flaky;
    f = report.stats.unexpected;
    if (Array.isArray(report.errors) && report.errors.length > 0) broken = true;
  } else if (typeof report.numPassedTests === 'number') {
    // Vitest JSON reporter
    p = report.numPassedTests;
    f = report.numFailedTests;
    if ((report.numFailedTestSuites ?? 0) > 0) broken = true;
  } else {
    notes.push(`summary: ${file} is neither a Vitest nor a Playwright JSON report`);
    broken = true;
  }
  notes.push(`summary: ${file}: ${p} passed, ${f} failed`);
  passed += p;
  failed += f;
}

for (const note of notes) console.log(note);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 || broken ? 1 : 0);
