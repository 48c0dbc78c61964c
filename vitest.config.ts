import { defineConfig } from "vitest/config";

// hadolint comes from the lookup the CLI uses, which finds the one that
// scripts/setup.sh installs into .venv/ before any on PATH, so the tests
// need no HADOLINT variable.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/support/temp-folder.ts"],
    // Every test run of generate runs in full; the up-to-date check has
    // its own tests, which turn it back on with a cache folder of their own.
    env: { LZY_IMAGES_NO_CACHE: "1" },
    // Tests that spawn the CLI or hadolint need more than the default 5 s
    // on a loaded two-core machine.
    testTimeout: 60_000,
    // The JSON report lets .ci/run print a plain pass/fail count.
    reporters: ["default", "json"],
    outputFile: { json: "node_modules/.cache/lzy-images/test-report.json" },
  },
});
