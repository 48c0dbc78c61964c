/**
 * How the CLI reports usage mistakes and configs that cannot be loaded:
 * exit code 2, one message naming the file and line, a suggestion where a
 * name was mistyped, and a stack trace only with `--debug`.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import {
  LINT_FLAGS,
  generateWith,
  runCli,
  tempDir,
} from "../validation/cli-support.js";
import { LAYER, options, validFamily } from "../validation/specs.js";

/** Writes `text` as `name` in a new folder and returns the folder. */
function configFile(name: string, text: string): string {
  const dir = tempDir("cli-errors");
  writeFileSync(join(dir, name), text);
  return dir;
}

const STACK_FRAME = /^\s+at /m;

describe("usage errors", () => {
  it("suggests the command for a mistyped one", async () => {
    const result = await runCli(["generat"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown command 'generat'");
    expect(result.stderr).toContain("Did you mean generate?");
  });

  it("suggests the option for a mistyped one", async () => {
    const result = await runCli(["generate", "--ot", "x"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown option '--ot'");
    expect(result.stderr).toContain("Did you mean --out?");
  });
});

describe("config errors", () => {
  it("reports a missing config", async () => {
    const dir = tempDir("missing");
    for (const name of ["absent.json", "absent.mjs"]) {
      const result = await runCli(["generate", "--config", name], dir);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`config file not found: ${name}`);
    }
  });

  it("rejects an unsupported extension", async () => {
    const dir = configFile("family.yaml", "registry: x\n");
    const result = await runCli(["generate", "--config", "family.yaml"], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unsupported extension ".yaml"');
  });

  it("names the line of a config that throws", async () => {
    const dir = configFile(
      "throws.mjs",
      'export default {\n  registry: "x",\n  images: [oops],\n};\n',
    );
    const result = await runCli(["generate", "--config", "throws.mjs"], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      "config file throws.mjs:3:12: ReferenceError: oops is not defined",
    );
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it("shows the stack of a throwing config with --debug", async () => {
    const dir = configFile(
      "throws.mjs",
      'throw new Error("no registry configured");\n',
    );
    for (const args of [
      ["--debug", "generate", "--config", "throws.mjs"],
      ["generate", "--config", "throws.mjs", "--debug"],
    ]) {
      const result = await runCli(args, dir);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(
        "throws.mjs:1:7: Error: no registry configured",
      );
      expect(result.stderr).toMatch(/^\s+at .*throws\.mjs:1:7/m);
    }
  });

  it("names the line of a config that does not compile", async () => {
    const dir = configFile(
      "syntax.mjs",
      'export default {\n  registry: "x",,\n  images: [],\n};\n',
    );
    const result = await runCli(["generate", "--config", "syntax.mjs"], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      "config file syntax.mjs:2: SyntaxError: Unexpected token ','",
    );
    expect(result.stderr).toContain('registry: "x",,');
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it("names the line of a TypeScript config that fails", async () => {
    const parse = configFile(
      "syntax.ts",
      'export default {\n  registry: "x",,\n};\n',
    );
    const parsed = await runCli(["generate", "--config", "syntax.ts"], parse);
    expect(parsed.status).toBe(2);
    expect(parsed.stderr).toContain("config file syntax.ts:2:16: ParseError");
    expect(parsed.stderr).not.toMatch(STACK_FRAME);

    const thrown = configFile(
      "throws.ts",
      'const registry: string = "x";\nthrow new Error(`no images in ${registry}`);\n',
    );
    const threw = await runCli(["generate", "--config", "throws.ts"], thrown);
    expect(threw.status).toBe(2);
    expect(threw.stderr).toContain(
      "config file throws.ts:2:7: Error: no images in x",
    );
    expect(threw.stderr).not.toMatch(STACK_FRAME);
  });

  it("names the line and column of invalid JSON", async () => {
    const dir = configFile(
      "family.json",
      '{\n  "registry": "x",\n  "images": [,]\n}\n',
    );
    const result = await runCli(["generate", "--config", "family.json"], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      "config file family.json:3:14: invalid JSON: Unexpected token ','",
    );
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it("rejects a config whose export is not a family", async () => {
    const dir = configFile("empty.mjs", "export default 42;\n");
    const result = await runCli(["generate", "--config", "empty.mjs"], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("expected a family spec");
  });
});

describe("--json", () => {
  it("lists every problem of an invalid spec", async () => {
    const family = validFamily();
    options(family, LAYER.condaEnv).python = "3.7.11";
    options(family, LAYER.envVars).vars = { GREETING: "hello", "1X": "y" };
    const out = tempDir("json");
    const result = await generateWith(family, out, undefined, "--json");

    expect(result.status).toBe(2);
    const report = JSON.parse(result.stdout) as {
      ok: boolean;
      exitCode: number;
      problems: Array<Record<string, unknown>>;
    };
    expect(report.ok).toBe(false);
    expect(report.exitCode).toBe(2);
    // The bad variable, the 3.7 env, and pylzy having no env left.
    expect(report.problems).toHaveLength(3);
    expect(report.problems).toContainEqual({
      image: "app",
      path: "layers[4].vars.1X",
      code: "invalid_format",
      message: expect.stringContaining("invalid variable name"),
      received: "1X",
      hint: null,
    });
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        image: "app",
        path: "layers[3].envs",
        received: "py39",
        message: expect.stringContaining("requires Python >=3.8.0"),
      }),
    );
  });

  it("reports success as JSON", async () => {
    const result = await generateWith(
      validFamily(),
      tempDir("json-ok"),
      undefined,
      "--json",
    );
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ ok: true, exitCode: 0 });
    expect(result.stderr).toContain("Wrote");
  });

  it("reports a config error as JSON", async () => {
    const dir = tempDir("json-config");
    const result = await runCli(
      ["generate", "--config", "absent.json", "--json", ...LINT_FLAGS],
      dir,
    );
    expect(result.status).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual({
      ok: false,
      exitCode: 2,
      error: "config file not found: absent.json",
    });
  });
});
