/**
 * Runs the built `lzy-images` bin in a child process against JSON configs
 * written to temporary folders, and snapshots output directories.
 */
import { execFile, spawnSync } from "node:child_process";
import {
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

import { REPO_ROOT } from "../support/render.js";

export const BIN = join(REPO_ROOT, "packages/cli/dist/bin.js");

const execFileAsync = promisify(execFile);

/** `--no-lint` when `generate` has it: these tests are about validation. */
export const LINT_FLAGS: readonly string[] = spawnSync(
  process.execPath,
  [BIN, "generate", "--help"],
  { encoding: "utf8" },
).stdout.includes("--no-lint")
  ? ["--no-lint"]
  : [];

export interface CliResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the bin with `args` in `cwd` and returns its exit code and output. */
export async function runCli(
  args: readonly string[],
  cwd: string = REPO_ROOT,
  nodeFlags: readonly string[] = [],
): Promise<CliResult> {
  try {
    const { stdout, stderr } = await execFileAsync(
      process.execPath,
      [...nodeFlags, BIN, ...args],
      { cwd, encoding: "utf8" },
    );
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as {
      code?: number | string;
      signal?: string;
      stdout?: string;
      stderr?: string;
    };
    return {
      status: typeof failed.code === "number" ? failed.code : -1,
      stdout: failed.stdout ?? "",
      stderr: `${failed.stderr ?? ""}${failed.signal ? `\n[killed by ${failed.signal}]` : ""}`,
    };
  }
}

/**
 * Writes `spec` as a JSON config, to `path` or a new temporary folder.
 * The path shows in generated headers, so runs that compare output
 * write their configs to one path.
 */
export function writeConfig(spec: unknown, path?: string): string {
  const config =
    path ?? join(mkdtempSync(join(tmpdir(), "lzy-images-config-")), "c.json");
  writeFileSync(config, JSON.stringify(spec, null, 2));
  return config;
}

/** Runs `generate --config <spec as JSON> --out <out>`. */
export async function generateWith(
  spec: unknown,
  out: string,
  configPath?: string,
  ...extra: string[]
): Promise<CliResult> {
  const config = writeConfig(spec, configPath);
  return runCli([
    "generate",
    ...["--config", config, "--out", out],
    ...LINT_FLAGS,
    ...extra,
  ]);
}

/** Every file under `dir` with its mode and content, by relative path. */
export function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (relative: string): void => {
    for (const entry of readdirSync(join(dir, relative), {
      withFileTypes: true,
    })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        walk(path);
      } else {
        const mode = (statSync(join(dir, path)).mode & 0o777).toString(8);
        files[path] = `${mode}\n${readFileSync(join(dir, path), "utf8")}`;
      }
    }
  };
  walk("");
  return files;
}

/** A fresh temporary folder. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `lzy-images-${prefix}-`));
}
