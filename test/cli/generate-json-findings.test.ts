/**
 * `generate --json` puts lint findings into the JSON document as data,
 * with the image and block that wrote each line, whether or not they
 * fail the run.
 */
import { chmodSync, existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { runCli, tempDir } from "../validation/cli-support.js";

/**
 * Writes a hadolint that reports one DL3003 warning on line 12 of the last
 * file it is given, as hadolint's JSON report does, and returns its path.
 */
function findingHadolint(dir: string): string {
  const path = join(dir, "hadolint");
  writeFileSync(
    path,
    [
      "#!/bin/sh",
      'for arg; do file="$arg"; done',
      'echo "[{\\"code\\":\\"DL3003\\",\\"column\\":1,\\"file\\":\\"$file\\",\\"level\\":\\"warning\\",\\"line\\":12,\\"message\\":\\"Use WORKDIR\\"}]"',
      "",
    ].join("\n"),
  );
  chmodSync(path, 0o755);
  return path;
}

interface Report {
  ok: boolean;
  exitCode: number;
  findings?: Array<Record<string, unknown>>;
}

describe("generate --json", () => {
  it("lists a failing finding as data", async () => {
    const dir = tempDir("json-findings");
    const result = await runCli(
      [
        "generate",
        "--json",
        "--out",
        "out",
        "--hadolint",
        findingHadolint(dir),
      ],
      dir,
    );
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.ok).toBe(false);
    expect(report.exitCode).toBe(1);
    expect(report.findings).toHaveLength(1);
    const finding = report.findings![0]!;
    expect(finding.file).toMatch(/^out\/.*\.Dockerfile$/);
    expect(finding.line).toBe(12);
    expect(finding.code).toBe("DL3003");
    expect(finding.level).toBe("warning");
    expect(finding.message).toBe("Use WORKDIR");
    expect(typeof finding.image).toBe("string");
    expect(typeof finding.block).toBe("string");
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("lists findings below the threshold", async () => {
    const dir = tempDir("json-findings");
    const result = await runCli(
      [
        "generate",
        "--json",
        "--out",
        "out",
        "--hadolint",
        findingHadolint(dir),
        "--failure-threshold",
        "error",
      ],
      dir,
    );
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.ok).toBe(true);
    expect(report.findings?.map((finding) => finding.code)).toEqual(["DL3003"]);
  });

  it("has no findings key with --no-lint", async () => {
    const dir = tempDir("json-findings");
    const result = await runCli(
      ["generate", "--json", "--no-lint", "--out", "out"],
      dir,
    );
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report).toEqual({ ok: true, exitCode: 0 });
  });
});
