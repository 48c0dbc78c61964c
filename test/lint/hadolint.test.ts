/**
 * Running hadolint: one process for all files, the project policy only,
 * and a failed run or an unreadable report as an error. Fake hadolint
 * scripts stand in for the failure cases.
 */
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import {
  HadolintError,
  parseReport,
  runHadolint,
  withoutHadolintVariables,
  type HadolintCommand,
} from "@lzy-images/lint";
import { describe, expect, it } from "vitest";

import {
  findTestHadolint,
  itWithHadolint,
  requireHadolint,
} from "./support.js";

const hadolint = await findTestHadolint();
const itHadolint = itWithHadolint(hadolint);

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "lzy-lint-test-"));
}

function writeDockerfile(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Creates a fake hadolint: a shell script with the given body. */
function fakeHadolint(body: string): HadolintCommand {
  const path = join(tempDir(), "hadolint");
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return { command: path, prefix: [], origin: "test" };
}

const WITH_CD = "FROM ubuntu:22.04\nRUN cd /tmp && echo hi\n";

describe("runHadolint", () => {
  itHadolint("reports findings of several files", async () => {
    const dir = tempDir();
    const bad = writeDockerfile(dir, "Bad.Dockerfile", WITH_CD);
    const good = writeDockerfile(dir, "Good.Dockerfile", "FROM ubuntu:22.04\n");
    const findings = await runHadolint(requireHadolint(hadolint), [bad, good], {
      env: process.env,
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      file: bad,
      line: 2,
      code: "DL3003",
      level: "warning",
    });
  });

  itHadolint("ignores HADOLINT_ variables of the caller", async () => {
    const file = writeDockerfile(tempDir(), "Bad.Dockerfile", WITH_CD);
    const env = {
      ...process.env,
      HADOLINT_IGNORE: "DL3003",
      HADOLINT_FAILURE_THRESHOLD: "none",
    };
    const findings = await runHadolint(requireHadolint(hadolint), [file], {
      env,
    });
    expect(findings.map((finding) => finding.code)).toEqual(["DL3003"]);
  });

  itHadolint("rejects a broken policy file", async () => {
    const dir = tempDir();
    const file = writeDockerfile(dir, "Bad.Dockerfile", WITH_CD);
    const config = join(dir, "broken.yaml");
    writeFileSync(config, "ignored: [\n");
    await expect(
      runHadolint(requireHadolint(hadolint), [file], {
        env: process.env,
        config,
      }),
    ).rejects.toThrow(/reported an error: .*Error parsing your config file/s);
  });

  it("rejects a missing policy file", async () => {
    await expect(
      runHadolint(fakeHadolint("echo '[]'"), ["x"], {
        env: {},
        config: "/nonexistent/.hadolint.yaml",
      }),
    ).rejects.toThrow(/policy file not found: \/nonexistent\/\.hadolint\.yaml/);
  });

  it("rejects a non-zero exit", async () => {
    const fake = fakeHadolint("echo 'hadolint: crashed' >&2; exit 3");
    await expect(runHadolint(fake, ["x"], { env: {} })).rejects.toThrow(
      /failed with exit code 3: hadolint: crashed/,
    );
  });

  it("rejects output that is not JSON", async () => {
    const fake = fakeHadolint("echo 'x:1 DL3003 warning'");
    await expect(runHadolint(fake, ["x"], { env: {} })).rejects.toThrow(
      HadolintError,
    );
  });

  it("rejects an error on stderr with exit 0", async () => {
    const fake = fakeHadolint("echo '[]'; echo 'config ignored' >&2");
    await expect(runHadolint(fake, ["x"], { env: {} })).rejects.toThrow(
      /reported an error: config ignored/,
    );
  });

  it("passes one process all files and the policy", async () => {
    const dir = tempDir();
    const log = join(dir, "args");
    const fake = fakeHadolint(`printf '%s\\n' "$@" > ${log}; echo '[]'`);
    await runHadolint(fake, ["a", "b"], { env: {}, config: fake.command });
    const args = readFileSync(log, "utf8").trim().split("\n");
    expect(args).toEqual([
      "--no-fail",
      "--no-color",
      "--format",
      "json",
      "--config",
      fake.command,
      "--",
      "a",
      "b",
    ]);
  });

  it("spawns nothing for no files", async () => {
    const fake = fakeHadolint("exit 1");
    await expect(runHadolint(fake, [], { env: {} })).resolves.toEqual([]);
  });
});

describe("parseReport", () => {
  it("reads hadolint's JSON entries", () => {
    const text =
      '[{"code":"DL3003","column":1,"file":"A","level":"warning","line":2,"message":"Use WORKDIR"}]';
    expect(parseReport(text)).toEqual([
      {
        code: "DL3003",
        column: 1,
        file: "A",
        level: "warning",
        line: 2,
        message: "Use WORKDIR",
      },
    ]);
  });

  it.each([
    ["empty output", ""],
    ["an object", '{"code":"DL3003"}'],
    [
      "an unknown level",
      '[{"code":"X","column":1,"file":"A","level":"fatal","line":1,"message":""}]',
    ],
    [
      "a missing line",
      '[{"code":"X","column":1,"file":"A","level":"info","message":""}]',
    ],
  ])("rejects %s", (_, text) => {
    expect(() => parseReport(text)).toThrow(HadolintError);
  });
});

describe("withoutHadolintVariables", () => {
  it("drops only HADOLINT_ variables", () => {
    const env = withoutHadolintVariables({
      HADOLINT: "/bin/hadolint",
      HADOLINT_IGNORE: "DL3003",
      HADOLINT_NOFAIL: "1",
      PATH: "/bin",
    });
    expect(env).toEqual({ HADOLINT: "/bin/hadolint", PATH: "/bin" });
  });
});
