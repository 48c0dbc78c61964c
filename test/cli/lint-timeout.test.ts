/**
 * `--lint-timeout`: a hadolint that hangs is killed with everything it
 * started, the command exits 2 and writes nothing, and no lint staging
 * folder stays behind, also when the CLI is stopped by a signal or killed.
 */
import { spawn } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { BIN, type CliResult, tempDir } from "../validation/cli-support.js";

/** Writes an executable shell script and returns its path. */
function script(dir: string, name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

/**
 * A hadolint that starts a child which hangs, as a wrapper like npx
 * would, and records the child's pid.
 */
function hangingHadolint(dir: string): { path: string; pidFile: string } {
  const pidFile = join(dir, "sleep.pid");
  const path = script(
    dir,
    "hadolint",
    `sleep 60 &\necho $! > ${pidFile}\nwait\necho "[]"`,
  );
  return { path, pidFile };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function lintFolders(tmp: string): string[] {
  return readdirSync(tmp).filter((name) => name.startsWith("lzy-images-lint-"));
}

interface Running {
  readonly done: Promise<CliResult & { signal: NodeJS.Signals | null }>;
  readonly kill: (signal: NodeJS.Signals) => void;
}

/** Starts the CLI with TMPDIR set to `tmp`. */
function startCli(args: readonly string[], cwd: string, tmp: string): Running {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, TMPDIR: tmp },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<CliResult & { signal: NodeJS.Signals | null }>(
    (resolvePromise) => {
      child.on("close", (code, signal) =>
        resolvePromise({ status: code ?? -1, stdout, stderr, signal }),
      );
    },
  );
  return { done, kill: (signal) => child.kill(signal) };
}

async function waitFor(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error("condition not met within 20 s");
    }
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 50));
  }
}

describe("--lint-timeout", () => {
  it("kills a hanging hadolint and writes nothing", async () => {
    const dir = tempDir("lint-timeout");
    const tmp = join(dir, "tmp");
    mkdirSync(tmp);
    const hadolint = hangingHadolint(dir);
    const started = Date.now();
    const run = startCli(
      [
        "generate",
        "--out",
        "out",
        "--hadolint",
        hadolint.path,
        "--lint-timeout",
        "1",
      ],
      dir,
      tmp,
    );
    const result = await run.done;
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("timed out after 1 s");
    expect(result.stderr).toContain("--lint-timeout");
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(existsSync(join(dir, "out"))).toBe(false);
    expect(lintFolders(tmp)).toEqual([]);
    const sleepPid = Number(readFileSync(hadolint.pidFile, "utf8"));
    await waitFor(() => !isAlive(sleepPid));
  });

  it("applies to the lint command", async () => {
    const dir = tempDir("lint-timeout");
    const hadolint = hangingHadolint(dir);
    writeFileSync(join(dir, "Dockerfile"), "FROM debian:12\n");
    const run = startCli(
      [
        "lint",
        "Dockerfile",
        "--hadolint",
        hadolint.path,
        "--lint-timeout",
        "0.5",
      ],
      dir,
      dir,
    );
    const result = await run.done;
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("timed out after 0.5 s");
  });

  it.each(["0", "-1", "soon", ""])("rejects %j", async (value) => {
    const dir = tempDir("lint-timeout");
    const result = await startCli(
      ["generate", "--out", "out", "--lint-timeout", value],
      dir,
      dir,
    ).done;
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--lint-timeout");
    expect(result.stderr).toContain("greater than 0");
  });
});

describe("lint staging folder", () => {
  it("is removed when the CLI gets SIGTERM", async () => {
    const dir = tempDir("lint-signal");
    const tmp = join(dir, "tmp");
    mkdirSync(tmp);
    const hadolint = hangingHadolint(dir);
    const run = startCli(
      ["generate", "--out", "out", "--hadolint", hadolint.path],
      dir,
      tmp,
    );
    await waitFor(() => existsSync(hadolint.pidFile));
    expect(lintFolders(tmp)).toHaveLength(1);
    run.kill("SIGTERM");
    const result = await run.done;
    expect(result.signal).toBe("SIGTERM");
    expect(lintFolders(tmp)).toEqual([]);
    const sleepPid = Number(readFileSync(hadolint.pidFile, "utf8"));
    await waitFor(() => !isAlive(sleepPid));
  });

  it("of a dead run is removed by the next run", async () => {
    const dir = tempDir("lint-stale");
    const tmp = join(dir, "tmp");
    // Above Linux's largest pid_max (2^22), so no process has this pid.
    const stale = join(tmp, "lzy-images-lint-999999999-abc123");
    mkdirSync(join(stale, "sub"), { recursive: true });
    const hadolint = script(dir, "hadolint", 'echo "[]"');
    const result = await startCli(
      ["generate", "--out", "out", "--hadolint", hadolint],
      dir,
      tmp,
    ).done;
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(lintFolders(tmp)).toEqual([]);
  });
});
