import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Tests that spawn the CLI or hadolint need more than the default 5 s
    // on a loaded two-core machine.
    testTimeout: 60_000,
  },
});
