/**
 * A failed or killed `generate` leaves the previous output intact: files
 * are staged next to the output and committed by one rename, and the next
 * run cleans up or finishes whatever a killed run left.
 */
import { cpSync, existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

import { writeOutput } from "@lzy-images/generator";
import { beforeAll, describe, expect, it } from "vitest";

import { REPO_ROOT } from "../support/render.js";
import {
  LINT_FLAGS,
  generateWith,
  runCli,
  snapshot,
  tempDir,
  writeConfig,
} from "./cli-support.js";
import { LAYER, options, validFamily } from "./specs.js";

/** Output files only, without staging or commit folders. */
function outputOf(dir: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(snapshot(dir)).filter(
      ([path]) => !path.startsWith(".lzy-images-"),
    ),
  );
}

function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.startsWith(".lzy-images-"));
}

/**
 * A module loaded with `node --import` that kills the process with
 * SIGKILL right after the n-th call of `fs.promises.<method>` on a path
 * of the staging or commit folder.
 */
function killSwitch(method: "writeFile" | "rename", after: number): string {
  const dir = tempDir("kill-switch");
  const path = join(dir, "kill.mjs");
  writeFileSync(
    path,
    `import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
const original = fs.promises.${method};
let calls = 0;
fs.promises.${method} = async function (...args) {
  const result = await original.apply(this, args);
  if (String(args[0]).includes(".lzy-images-") && ++calls >= ${after}) {
    process.kill(process.pid, "SIGKILL");
  }
  return result;
};
syncBuiltinESMExports();
`,
  );
  return pathToFileURL(path).href;
}

/** Two families with the same files and different contents. */
function families() {
  const first = validFamily();
  const second = validFamily();
  options(second, LAYER.envVars).vars = { GREETING: "changed" };
  second.images[0]!.description = "Second run.";
  return { first, second };
}

describe("interrupted generate", () => {
  const { first, second } = families();
  // Generated headers name the config, so every run uses this one path.
  const config = join(tempDir("config"), "family.json");
  let secondOutput: Record<string, string>;

  beforeAll(async () => {
    const dir = tempDir("second");
    const result = await generateWith(second, dir, config);
    expect(result.status, result.stderr).toBe(0);
    secondOutput = outputOf(dir);
  });

  async function previousRun(): Promise<{
    out: string;
    before: Record<string, string>;
  }> {
    const out = tempDir("previous");
    const result = await generateWith(first, out, config);
    expect(result.status, result.stderr).toBe(0);
    return { out, before: outputOf(out) };
  }

  async function killedRun(out: string, kill: string) {
    writeConfig(second, config);
    return runCli(
      ["generate", "--config", config, "--out", out, ...LINT_FLAGS],
      REPO_ROOT,
      ["--import", kill],
    );
  }

  it("keeps the previous output when killed while staging", async () => {
    const { out, before } = await previousRun();
    expect(before).not.toEqual(secondOutput);

    const killed = await killedRun(out, killSwitch("writeFile", 1));
    expect(killed.stderr).toContain("killed by SIGKILL");
    expect(outputOf(out)).toEqual(before);
    expect(leftovers(out)).toHaveLength(1);

    const rerun = await generateWith(second, out, config);
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(outputOf(out)).toEqual(secondOutput);
    expect(leftovers(out)).toEqual([]);
  });

  it("finishes a run killed after its commit", async () => {
    const { out } = await previousRun();

    // The first rename commits the staging folder, the second moves a file.
    const killed = await killedRun(out, killSwitch("rename", 2));
    expect(killed.stderr).toContain("killed by SIGKILL");
    expect(leftovers(out)).toHaveLength(1);
    expect(leftovers(out)[0]).toMatch(/^\.lzy-images-commit-/);

    const { recoverInterruptedRuns } = (await import(
      pathToFileURL(join(REPO_ROOT, "packages/generator/dist/write.js")).href
    )) as { recoverInterruptedRuns: (dir: string) => Promise<void> };
    await recoverInterruptedRuns(out);
    expect(outputOf(out)).toEqual(secondOutput);
    expect(leftovers(out)).toEqual([]);
  });

  it("is old or, after recovery, new at each kill point", async () => {
    const { out: template, before } = await previousRun();
    const { recoverInterruptedRuns } = (await import(
      pathToFileURL(join(REPO_ROOT, "packages/generator/dist/write.js")).href
    )) as { recoverInterruptedRuns: (dir: string) => Promise<void> };

    // A run writes each of its files to staging, renames the staging
    // folder (the commit), then renames each file into place. Killing at
    // the first, middle and last of each keeps the test to a few seconds.
    const files = Object.keys(secondOutput).length;
    const points = [
      ...[1, Math.ceil(files / 2), files].map((call) => ({
        method: "writeFile" as const,
        call,
        committed: false,
      })),
      ...[1, 2, files + 1].map((call) => ({
        method: "rename" as const,
        call,
        committed: true,
      })),
    ];
    for (const { method, call, committed } of points) {
      const label = `${method} ${call}`;
      const out = tempDir("kill-point");
      cpSync(template, out, { recursive: true });
      const killed = await killedRun(out, killSwitch(method, call));
      expect(killed.stderr, label).toContain("killed by SIGKILL");
      // Up to and including the commit, the output has not changed.
      if (!committed || call === 1) {
        expect(outputOf(out), label).toEqual(before);
      }
      await recoverInterruptedRuns(out);
      expect(outputOf(out), label).toEqual(committed ? secondOutput : before);
      expect(leftovers(out), label).toEqual([]);
    }
  });

  it("keeps the previous output when a later file fails", async () => {
    const { out, before } = await previousRun();
    const [firstFile] = Object.keys(before);
    await expect(
      writeOutput(out, [
        { path: "App.Dockerfile", content: "FROM scratch\n", mode: 0o644 },
        // The staged App.Dockerfile is a file, so it cannot be a folder.
        { path: "App.Dockerfile/extra", content: "x\n", mode: 0o644 },
      ]),
    ).rejects.toThrow();
    expect(firstFile).toBeDefined();
    expect(outputOf(out)).toEqual(before);
    expect(leftovers(out)).toEqual([]);
  });

  it("keeps the previous output when the check fails", async () => {
    const { out, before } = await previousRun();
    let stagedFile = "";
    await expect(
      writeOutput(
        out,
        [{ path: "App.Dockerfile", content: "FROM scratch\n", mode: 0o644 }],
        {
          check: async (staging) => {
            stagedFile = join(staging, "App.Dockerfile");
            expect(existsSync(stagedFile)).toBe(true);
            throw new Error("lint findings");
          },
        },
      ),
    ).rejects.toThrow("lint findings");
    expect(existsSync(stagedFile)).toBe(false);
    expect(outputOf(out)).toEqual(before);
    expect(leftovers(out)).toEqual([]);
  });
});
