/**
 * Content tags name what a build sees, so they do not change with the way
 * the config path is written on the command line.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { REPO_ROOT } from "../support/render.js";

const BIN = join(REPO_ROOT, "packages/cli/dist/bin.js");
const CONFIG = "examples/data-science/images.config.json";

function tagsFor(config: string): string {
  const result = spawnSync("node", [BIN, "tags", "--config", config], {
    cwd: REPO_ROOT,
    encoding: "utf8",
  });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

describe("content tags and config paths", () => {
  it("match for relative, ./ and absolute paths", () => {
    const relative = tagsFor(CONFIG);
    expect(relative).toMatch(/data-science\s+[0-9a-f]{12}/);
    expect(tagsFor(`./${CONFIG}`)).toBe(relative);
    expect(tagsFor(join(REPO_ROOT, CONFIG))).toBe(relative);
  });
});
