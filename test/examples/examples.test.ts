/**
 * The examples regenerate byte for byte from their configs, and hadolint
 * passes on every Dockerfile they contain.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { locateHadolint } from "@lzy-images/lint";
import { describe, expect, it } from "vitest";

import { REPO_ROOT } from "../support/render.js";

const BIN = join(REPO_ROOT, "packages/cli/dist/bin.js");

const EXAMPLES = [
  { dir: "examples/pytorch-cuda", config: "images.config.ts" },
  { dir: "examples/data-science", config: "images.config.json" },
];

function filesOf(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    files[name] = readFileSync(join(dir, name), "utf8");
  }
  return files;
}

describe.each(EXAMPLES)("$dir", ({ dir, config }) => {
  it("regenerates byte for byte", () => {
    const out = mkdtempSync(join(tmpdir(), "lzy-example-"));
    // Run from the repository root, as the committed headers name it.
    const result = spawnSync(
      "node",
      [BIN, "generate", "--config", join(dir, config), "--out", out],
      { cwd: REPO_ROOT, encoding: "utf8" },
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(filesOf(out)).toEqual(filesOf(join(REPO_ROOT, dir, "dockerfiles")));
  });

  it("passes hadolint", async () => {
    const hadolint = await locateHadolint({
      env: process.env,
      cwd: REPO_ROOT,
      npx: false,
    });
    const output = join(REPO_ROOT, dir, "dockerfiles");
    const dockerfiles = readdirSync(output)
      .filter((name) => name.endsWith(".Dockerfile"))
      .map((name) => join(output, name));
    expect(dockerfiles.length).toBeGreaterThan(0);
    const result = spawnSync(
      hadolint.command,
      [
        ...hadolint.prefix,
        "--config",
        join(REPO_ROOT, ".hadolint.yaml"),
        ...dockerfiles,
      ],
      { encoding: "utf8" },
    );
    expect(result.stdout).toBe("");
    expect(result.status).toBe(0);
  });

  it("builds FROM user-default at the catalog's tag", () => {
    const catalog = JSON.parse(
      readFileSync(join(REPO_ROOT, "dockerfiles/UserDefault.json"), "utf8"),
    ) as { tag: string };
    const output = join(REPO_ROOT, dir, "dockerfiles");
    const dockerfile = readdirSync(output).find((name) =>
      name.endsWith(".Dockerfile"),
    )!;
    const text = readFileSync(join(output, dockerfile), "utf8");
    expect(text).toContain(`ARG USER_DEFAULT_TAG=${catalog.tag}\n`);
    expect(text).toContain(
      "FROM ${USER_DEFAULT_REGISTRY}/user-default:${USER_DEFAULT_TAG}\n",
    );
  });
});
