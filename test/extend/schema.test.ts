/**
 * The committed JSON Schema of config files is what `lzy-images schema`
 * prints, and the JSON example config conforms to it in its own terms.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { run } from "@lzy-images/cli";
import { configSchema } from "@lzy-images/dsl";
import { expect, it } from "vitest";

import { REPO_ROOT } from "../support/render.js";

const COMMITTED = join(REPO_ROOT, "schema/images.schema.json");

it("committed schema is up to date", async () => {
  let printed = "";
  const code = await run(["schema"], {
    stdout: (text) => (printed += text),
    stderr: () => {},
    cwd: REPO_ROOT,
  });
  expect(code).toBe(0);
  // When this fails, run: node packages/cli/dist/bin.js schema --out schema/images.schema.json
  expect(printed).toBe(readFileSync(COMMITTED, "utf8"));
});

it("schema lists every block", () => {
  const text = readFileSync(COMMITTED, "utf8");
  for (const block of ["env-packages", "user", "workdir", "apt-packages"]) {
    expect(text).toContain(`"const": "${block}"`);
  }
});

it("example JSON config matches the config schema", () => {
  const config = JSON.parse(
    readFileSync(
      join(REPO_ROOT, "examples/data-science/images.config.json"),
      "utf8",
    ),
  ) as unknown;
  const parsed = configSchema().safeParse(config);
  expect(parsed.error?.issues ?? []).toEqual([]);
});
