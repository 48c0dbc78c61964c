import { defineConfig } from "vitest/config";

// hadolint comes from the lookup the CLI uses, which finds the one that
// scripts/setup.sh installs into .venv/ before any on PATH, so the tests
// need no HADOLINT variable.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/support/temp-folder.ts"],
    // Tests that spawn the CLI or hadolint need more than the default 5 s
    // on a loaded two-core machine.
    testTimeout: 60_000,
  },
});
