import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { defineConfig } from "vitest/config";

/**
 * The hadolint that scripts/setup.sh installs. Tests that run `generate`
 * from a temporary folder would not find it by searching for a .venv, so
 * they get it through HADOLINT, unless the caller chose one already.
 */
const projectHadolint = fileURLToPath(
  new URL(".venv/bin/hadolint", import.meta.url),
);
const hadolintEnv: Record<string, string> =
  process.env.HADOLINT === undefined && existsSync(projectHadolint)
    ? { HADOLINT: projectHadolint }
    : {};

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Tests that spawn the CLI or hadolint need more than the default 5 s
    // on a loaded two-core machine.
    testTimeout: 60_000,
    env: hadolintEnv,
  },
});
