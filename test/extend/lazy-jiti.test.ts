/**
 * jiti is loaded only for TypeScript configs: with a loader hook that
 * fails every import of jiti, a JSON config still generates and a
 * TypeScript config fails on that import.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

import { expect, it } from "vitest";

import { REPO_ROOT } from "../support/render.js";

const BIN = join(REPO_ROOT, "packages/cli/dist/bin.js");

/** Runs `generate` on `config` with imports of jiti failing. */
function generateWithoutJiti(config: { name: string; text: string }) {
  const dir = mkdtempSync(join(tmpdir(), "lzy-lazy-jiti-"));
  writeFileSync(
    join(dir, "hooks.mjs"),
    `export async function resolve(specifier, context, next) {
  if (specifier === "jiti") {
    throw new Error("jiti was imported");
  }
  return next(specifier, context);
}
`,
  );
  writeFileSync(
    join(dir, "register.mjs"),
    'import { register } from "node:module";\nregister("./hooks.mjs", import.meta.url);\n',
  );
  writeFileSync(join(dir, config.name), config.text);
  return spawnSync(
    "node",
    [
      "--import",
      pathToFileURL(join(dir, "register.mjs")).href,
      BIN,
      "generate",
      "--no-lint",
      "--config",
      config.name,
      "--out",
      "out",
    ],
    { cwd: dir, encoding: "utf8" },
  );
}

const EXTENSION = {
  extends: "user-default",
  name: "lazy",
  env: { A: "1" },
};

it("JSON config does not import jiti", () => {
  const result = generateWithoutJiti({
    name: "images.config.json",
    text: JSON.stringify({ registry: "example", images: [EXTENSION] }),
  });
  expect(result.stderr).not.toContain("jiti");
  expect(result.status).toBe(0);
});

it("TypeScript config imports jiti", () => {
  const result = generateWithoutJiti({
    name: "images.config.ts",
    text: "export default { registry: 'example', images: [] };\n",
  });
  expect(result.stderr).toContain("jiti was imported");
  expect(result.status).not.toBe(0);
});
