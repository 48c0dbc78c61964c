/**
 * `lzy-images lint FILE...`: hadolint under the project policy on any
 * Dockerfile, findings on stdout with the paths as given.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { run } from "@lzy-images/cli";
import { describe, expect, it } from "vitest";

import {
  findTestHadolint,
  itWithHadolint,
  requireHadolint,
} from "../lint/support.js";
import { REPO_ROOT } from "../support/render.js";

const hadolint = await findTestHadolint();
const itHadolint = itWithHadolint(hadolint);

async function lint(cwd: string, ...args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await run(
    ["lint", "--hadolint", requireHadolint(hadolint).command, ...args],
    {
      stdout: (text) => stdout.push(text),
      stderr: (text) => stderr.push(text),
      cwd,
    },
  );
  return { code, stdout: stdout.join(""), stderr: stderr.join("") };
}

function withBadDockerfile(): string {
  const dir = mkdtempSync(join(tmpdir(), "lzy-lint-command-"));
  writeFileSync(
    join(dir, "Bad.Dockerfile"),
    "FROM ubuntu:22.04\nRUN cd /tmp && echo hi\n",
  );
  return dir;
}

describe("lint command", () => {
  itHadolint("passes the committed Dockerfiles", async () => {
    const result = await lint(
      REPO_ROOT,
      "dockerfiles/Worker.Base.Dockerfile",
      "dockerfiles/Worker.Dockerfile",
    );
    expect(result.stdout).toBe("");
    expect(result.code).toBe(0);
  });

  itHadolint("prints findings and exits 1", async () => {
    const result = await lint(withBadDockerfile(), "Bad.Dockerfile");
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      "Bad.Dockerfile:2 DL3003 warning Use WORKDIR to switch to a directory\n",
    );
    expect(result.stderr).toBe("1 finding at level info or above\n");
  });

  itHadolint("exits 0 below the threshold", async () => {
    const result = await lint(
      withBadDockerfile(),
      "--failure-threshold",
      "error",
      "Bad.Dockerfile",
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("DL3003 warning");
  });

  it("rejects a missing file", async () => {
    const dir = withBadDockerfile();
    const stderr: string[] = [];
    const code = await run(["lint", "Missing.Dockerfile"], {
      stdout: () => {},
      stderr: (text) => stderr.push(text),
      cwd: dir,
    });
    expect(code).toBe(2);
    expect(stderr.join("")).toContain(
      "Dockerfile not found: Missing.Dockerfile",
    );
  });

  it("rejects an unknown threshold", async () => {
    const stderr: string[] = [];
    const code = await run(
      ["lint", "--failure-threshold", "fatal", "x.Dockerfile"],
      { stdout: () => {}, stderr: (text) => stderr.push(text), cwd: REPO_ROOT },
    );
    expect(code).toBe(2);
    expect(stderr.join("")).toContain("error, warning, info, style");
  });
});
