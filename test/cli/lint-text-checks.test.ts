/**
 * `lzy-images lint FILE` runs the built-in checks that work on Dockerfile
 * text, LZY002 and LZY003, besides hadolint. A fake hadolint that reports
 * nothing replaces the real one, so all findings come from those checks.
 */
import { chmodSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { checkDockerfileText, parseDockerfile } from "@lzy-images/lint";
import { describe, expect, it } from "vitest";

import { runCli, tempDir } from "../validation/cli-support.js";

function silentHadolint(dir: string): string {
  const path = join(dir, "hadolint");
  writeFileSync(path, '#!/bin/sh\necho "[]"\n');
  chmodSync(path, 0o755);
  return path;
}

async function lintText(text: string): Promise<ReturnType<typeof runCli>> {
  const dir = tempDir("lint-text");
  writeFileSync(join(dir, "Dockerfile"), text);
  return runCli(["lint", "Dockerfile", "--hadolint", silentHadolint(dir)], dir);
}

describe("parseDockerfile", () => {
  it("joins continuation lines", () => {
    const text = [
      "FROM debian:12",
      "RUN apt-get update \\",
      "  # a comment inside",
      "",
      "  && apt-get install -y curl",
      "ENV A=1",
    ].join("\n");
    expect(parseDockerfile(text)).toEqual([
      { keyword: "FROM", args: "debian:12", line: 1, ignored: [] },
      {
        keyword: "RUN",
        args: "apt-get update && apt-get install -y curl",
        line: 2,
        ignored: [],
      },
      { keyword: "ENV", args: "A=1", line: 6, ignored: [] },
    ]);
  });

  it("reads the escape directive", () => {
    const text = "# escape=`\nFROM x\nRUN a `\n  b\n";
    expect(parseDockerfile(text)[1]).toEqual({
      keyword: "RUN",
      args: "a b",
      line: 3,
      ignored: [],
    });
  });

  it("reads a hadolint ignore comment", () => {
    const text =
      "FROM x\n# hadolint ignore=LZY002,DL3008\nENV A_TOKEN=1\nENV B=2\n";
    const [, waived, next] = parseDockerfile(text);
    expect(waived?.ignored).toEqual(["LZY002", "DL3008"]);
    expect(next?.ignored).toEqual([]);
  });
});

describe("checkDockerfileText", () => {
  const codes = (text: string): string[] =>
    checkDockerfileText("D", text).map((f) => `${f.line} ${f.code}`);

  it.each([
    ["RUN conda activate py39 && python x.py", ["2 LZY003"]],
    ["RUN set -e; conda activate py39", ["2 LZY003"]],
    [
      'RUN eval "$(conda shell.bash hook)" && conda activate py39 && python',
      [],
    ],
    ["RUN . /opt/conda/etc/profile.d/conda.sh && conda activate py39", []],
    [
      "RUN conda activate py39 && . /opt/conda/etc/profile.d/conda.sh",
      ["2 LZY003"],
    ],
    ["RUN echo conda-activate", []],
    ["ARG GITHUB_TOKEN", ["2 LZY002"]],
    ["ARG GITHUB_TOKEN=abc", ["2 LZY002"]],
    ["ARG VERSION=1", []],
    ["ENV API_KEY=x OTHER=1 dbPassword=y", ["2 LZY002", "2 LZY002"]],
    ["ENV DB_PASSWORD value with words", ["2 LZY002"]],
    ["ENV KEYRING_PATH=/k", []],
    ["# hadolint ignore=LZY002\nENV API_TOKEN=x", []],
    ["# hadolint ignore=DL3064\nENV API_TOKEN=x", []],
    ["# hadolint ignore=DL3003\nENV API_TOKEN=x", ["3 LZY002"]],
  ])("%s", (line, expected) => {
    expect(codes(`FROM x\n${line}\n`)).toEqual(expected);
  });
});

describe("lint command", () => {
  it("reports a bare conda activate", async () => {
    const result = await lintText(
      "FROM debian:12\nRUN conda activate py39 \\\n  && python -V\n",
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("Dockerfile:2 LZY003 error");
  });

  it("reports a secret-like ARG name", async () => {
    const result = await lintText("FROM debian:12\nARG NPM_TOKEN\n");
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      "Dockerfile:2 LZY002 warning ARG NPM_TOKEN",
    );
  });

  it("passes a file without findings", async () => {
    const result = await lintText("FROM debian:12\nENV LANG=C.UTF-8\n");
    expect(result.stdout).toBe("");
    expect(result.status).toBe(0);
  });

  it("names the checks it runs in its help", async () => {
    const result = await runCli(["lint", "--help"]);
    expect(result.stdout).toContain("LZY002 and LZY003");
  });
});
