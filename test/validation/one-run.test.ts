/**
 * One run reports the independent problems of a config together: the
 * rest of an extension entry after a schema problem or a mistyped parent,
 * and the layers and base of images that have another problem.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { run } from "@lzy-images/cli";
import { describe, expect, it } from "vitest";

import { tempDir } from "./cli-support.js";

/** Runs `generate` on `config` and returns its problem lines. */
async function problemLines(config: unknown): Promise<string[]> {
  const dir = tempDir("one-run");
  writeFileSync(join(dir, "images.config.json"), JSON.stringify(config));
  let stderr = "";
  const code = await run(
    ["generate", "--config", "images.config.json", "--out", "out"],
    { stdout: () => {}, stderr: (text) => (stderr += text), cwd: dir },
  );
  expect(code).toBe(2);
  return stderr
    .split("\n")
    .filter((line) => line.startsWith("  "))
    .map((line) => line.trim());
}

function extension(fields: Record<string, unknown>) {
  return {
    registry: "ghcr.io/x",
    images: [{ extends: "user-default", name: "a", ...fields }],
  };
}

const PY37 = { envs: ["py37"], pip: ["six==1.16.0"] };
const MISSING_PY37 =
  'a.install[0].envs[0]: conda env "py37" does not exist (received "py37"). did you mean "py38"? existing envs: default, py38, py39';

describe("extension entries", () => {
  it("checks the rest after a mistyped parent", async () => {
    const lines = await problemLines(
      extension({ extends: "user-defualt", install: [PY37] }),
    );
    expect(lines).toEqual([
      'a.extends: not a published image of the built-in catalog (received "user-defualt"). did you mean "user-default"? The other problems of this image assume it. use one of: user-default, user-test, or { "description": "FILE.json" }',
      MISSING_PY37,
    ]);
  });

  it("checks envs after schema problems", async () => {
    const lines = await problemLines(
      extension({
        install: [PY37],
        apt: ["Curl"],
        workdir: "rel/path",
        user: { name: "Bob" },
        newEnvs: [{ name: "n", python: "3.9" }],
      }),
    );
    expect(lines).toContain(MISSING_PY37);
    expect(lines).toHaveLength(5);
  });

  it("omits problems of a removed new env", async () => {
    const lines = await problemLines(
      extension({
        newEnvs: [{ name: "n", python: "3.9" }],
        install: [{ envs: ["n"], pip: ["six==1.16.0"] }, PY37],
      }),
    );
    expect(lines).toEqual([
      MISSING_PY37.replace("install[0]", "install[1]"),
      'a.newEnvs[0].python: invalid Python version: expected 3.MINOR.PATCH without leading zeros, such as `3.9.7` (received "3.9")',
    ]);
  });

  it("reports nothing more for an invalid name", async () => {
    const lines = await problemLines(
      extension({ name: "Bad Name", install: [PY37] }),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Bad Name\.name: /);
  });
});

describe("layered images", () => {
  it("checks layers and base of broken images", async () => {
    const config = JSON.parse(
      readFileSync(join(import.meta.dirname, "one-run-cycle.json"), "utf8"),
    ) as unknown;
    const lines = await problemLines(config);
    expect(lines).toEqual([
      "a.from: images form a cycle: a -> b -> a. an image cannot be built FROM itself or an image built FROM it",
      'c.from: base image is not declared in this family (received "nope"). declared images: a, b, c, e',
      expect.stringMatching(
        /^c\.layers\[0\]\.block: unknown building block \(received "direktories"\)\. did you mean "directories"\?/,
      ),
      "c.layers[1].paths: list at least one path (received [])",
      'd.file: invalid file name: expected a plain name such as `Worker.Dockerfile` (received "../D.Dockerfile")',
      'd.from.image: the `latest` tag changes with every release, so the build is not repeatable (received "ubuntu:latest"). pin a release tag, as in `ubuntu:22.04`, or a digest',
    ]);
  });
});
