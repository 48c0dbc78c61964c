/**
 * The example GitHub Actions workflow calls commands and options that
 * exist, in the order the README describes: check, then bake.
 */
import { describe, expect, it } from "vitest";

import { readRepoFile } from "../support/render.js";
import { cli } from "./support.js";

const WORKFLOW = readRepoFile("examples/ci/github-actions.yml");

describe("example CI workflow", () => {
  it("runs check before bake", () => {
    const check = WORKFLOW.indexOf("run check");
    const bake = WORKFLOW.indexOf("docker buildx bake $TARGETS");
    expect(check).toBeGreaterThan(-1);
    expect(bake).toBeGreaterThan(check);
    expect(WORKFLOW).toContain("needs: check");
  });

  it("uses options the CLI accepts", async () => {
    const calls = [...WORKFLOW.matchAll(/lzy_images (\w+)([^\n|)]*)/g)];
    expect(calls.length).toBeGreaterThan(0);
    for (const [, command, rest] of calls) {
      const help = await cli([command!, "--help"]);
      expect(help.code, command).toBe(0);
      for (const option of rest!.match(/--[a-z-]+/g) ?? []) {
        expect(help.stdout, `${command} ${option}`).toContain(option);
      }
    }
  });

  it("bakes in the output directory", () => {
    expect(WORKFLOW).toContain("working-directory: dockerfiles");
    for (const variable of ["REGISTRY", "SOURCE_URL", "REVISION"]) {
      expect(WORKFLOW).toMatch(new RegExp(`^ +${variable}: `, "m"));
    }
  });
});
