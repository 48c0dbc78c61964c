/**
 * Runs the type-level tests of extend() in test/types: tsc passes only if
 * every misuse marked with `@ts-expect-error` fails to compile and every
 * other use compiles.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { expect, it } from "vitest";

import { REPO_ROOT } from "../support/render.js";

const TYPES_DIR = join(REPO_ROOT, "test/types");

it("marks at least five misuses", () => {
  const source = readFileSync(join(TYPES_DIR, "extend.types.ts"), "utf8");
  const marks = source.match(/^\s*\/\/ @ts-expect-error /gm) ?? [];
  expect(marks.length).toBeGreaterThanOrEqual(5);
});

it("type-checks the type tests", () => {
  const tsc = join(REPO_ROOT, "node_modules/typescript/bin/tsc");
  const result = spawnSync("node", [tsc, "-p", TYPES_DIR], {
    cwd: REPO_ROOT,
    encoding: "utf8",
  });
  expect(result.stdout + result.stderr).toBe("");
  expect(result.status).toBe(0);
});
