// Prints the plain "N passed, N failed" line of the last test run, read
// from the JSON report that vitest.config.ts configures vitest to write.
import { readFileSync } from "node:fs";

const report = JSON.parse(
  readFileSync("node_modules/.cache/lzy-images/test-report.json", "utf8"),
);
console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed`);
