/**
 * Values with both a single quote and a backquote: encoded as single-quoted
 * runs joined by `"'"`, which bash reads back unchanged and hadolint
 * accepts in ENV and in the description LABEL.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { encodeLiteralValue } from "@lzy-images/dsl";
import { describe, expect, it } from "vitest";

import { findTestHadolint, itWithHadolint } from "../lint/support.js";
import { REPO_ROOT } from "../support/render.js";
import { BIN } from "../validation/cli-support.js";

const VALUES = [
  "it's `fine`",
  "'`",
  "`'",
  "''``''",
  "a'b`c$HOME\\d\"e",
  "'$(id)' `id` ${X}",
];

describe.each(VALUES)("value %j", (value) => {
  it("reads back in bash", () => {
    const script = `value=${encodeLiteralValue(value)}; printf '%s' "$value"`;
    expect(execFileSync("bash", ["-c", script], { encoding: "utf8" })).toBe(
      value,
    );
  });

  it("has no escaped quote", () => {
    expect(encodeLiteralValue(value)).not.toContain(`'\\''`);
  });
});

const hadolint = await findTestHadolint();

itWithHadolint(hadolint)("passes generate with lint", () => {
  const dir = mkdtempSync(join(tmpdir(), "lzy-quote-backquote-"));
  const config = join(dir, "images.config.json");
  writeFileSync(
    config,
    JSON.stringify({
      registry: "ghcr.io/example",
      images: [
        {
          extends: "user-default",
          name: "a",
          description: "it's `fine`",
          env: Object.fromEntries(
            VALUES.map((v, i) => [
              `V${i}`,
              {
                value: v,
                expand: false,
              },
            ]),
          ),
        },
      ],
    }),
  );
  const result = spawnSync(
    process.execPath,
    [BIN, "generate", "--config", config, "--out", join(dir, "out")],
    { cwd: REPO_ROOT, encoding: "utf8" },
  );
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
});
