/**
 * The misuses that test/types rejects at compile time, written in JSON
 * configs instead: `generate` rejects each with the path of the option.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { run } from "@lzy-images/cli";
import { describe, expect, it } from "vitest";

interface Case {
  readonly name: string;
  readonly options: Record<string, unknown>;
  /** Expected start of the problem line: `image.path: message`. */
  readonly expected: string;
}

const CASES: readonly Case[] = [
  {
    name: "unknown env",
    options: { install: [{ envs: ["py37"], pip: ["six==1.16.0"] }] },
    expected: 'bad.install[0].envs[0]: conda env "py37" does not exist',
  },
  {
    name: "empty env list",
    options: { install: [{ envs: [], pip: ["six==1.16.0"] }] },
    expected: "bad.install[0].envs:",
  },
  {
    name: "new env clashes with parent env",
    options: { newEnvs: [{ name: "py39", python: "3.9.7" }] },
    expected: "bad.newEnvs[0].name: conda env already exists",
  },
  {
    name: "two-part Python version",
    options: { newEnvs: [{ name: "new", python: "3.11" }] },
    expected: "bad.newEnvs[0].python: invalid Python version",
  },
  {
    name: "relative workdir",
    options: { workdir: "work" },
    expected: "bad.workdir: invalid path",
  },
  {
    name: "relative file destination",
    options: { files: [{ sources: ["a"], dest: "app/" }] },
    expected: "bad.files[0].dest: invalid path",
  },
  {
    name: "entrypoint in shell form",
    options: { entrypoint: "/run.sh" },
    expected: "bad.entrypoint: invalid type: expected a list",
  },
  {
    name: "unknown option",
    options: { pipPackages: ["six"] },
    expected: "bad.pipPackages: unknown option",
  },
  {
    name: "env of another catalog image",
    options: {
      extends: "user-test",
      install: [{ envs: ["py38"], pip: ["six==1.16.0"] }],
    },
    expected: 'bad.install[0].envs[0]: conda env "py38" does not exist',
  },
  {
    name: "pylzy in a Python 3.7 env",
    options: { newEnvs: [{ name: "old", python: "3.7.16", pylzy: true }] },
    expected:
      'bad.newEnvs[0].pylzy: conda env "old" has Python 3.7.16, but pylzy 1.15.0 requires Python >=3.8.0',
  },
  {
    name: "unknown parent",
    options: { extends: "user-defualt" },
    expected:
      'bad.extends: not a published image of the built-in catalog (received "user-defualt")',
  },
];

/** Runs `generate` on a config with one extension and returns its stderr. */
async function generateWith(options: Record<string, unknown>) {
  const dir = mkdtempSync(join(tmpdir(), "lzy-extend-json-"));
  const config = {
    registry: "example",
    images: [{ extends: "user-default", name: "bad", ...options }],
  };
  writeFileSync(join(dir, "images.config.json"), JSON.stringify(config));
  let stderr = "";
  const code = await run(
    ["generate", "--config", "images.config.json", "--out", "out"],
    { stdout: () => {}, stderr: (text) => (stderr += text), cwd: dir },
  );
  return { code, stderr };
}

describe("JSON extension misuse", () => {
  for (const testCase of CASES) {
    it(`rejects ${testCase.name}`, async () => {
      const { code, stderr } = await generateWith(testCase.options);
      expect(code).toBe(2);
      const lines = stderr.split("\n").map((line) => line.trim());
      expect(lines.some((line) => line.startsWith(testCase.expected))).toBe(
        true,
      );
    });
  }

  it("accepts a valid extension", async () => {
    const { code, stderr } = await generateWith({
      install: [{ envs: ["py39"], pip: ["six==1.16.0"] }],
    });
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });
});
