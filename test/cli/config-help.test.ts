/**
 * Every command that reads a family spec lists each config file type it
 * loads, and a config whose code throws after it loaded, or throws a
 * value that is not an Error, is reported as a config error (exit 2).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { runCli, tempDir } from "../validation/cli-support.js";

const STACK_FRAME = /^\s+at /m;

describe("--config help", () => {
  it.each(["generate", "check", "tags", "explain", "graph"])(
    "%s lists every config file type",
    async (command) => {
      const result = await runCli([command, "--help"]);
      const help = result.stdout.replace(/\s+/g, " ");
      expect(help).toContain(".json, .js, .mjs, .ts, .mts or .cts");
    },
  );
});

describe("configs that throw", () => {
  it("names the line of a throwing getter", async () => {
    const dir = tempDir("config-throws");
    writeFileSync(
      join(dir, "family.ts"),
      [
        "export default {",
        '  registry: "r",',
        "  get images() {",
        '    throw new TypeError("no images yet");',
        "  },",
        "};",
        "",
      ].join("\n"),
    );
    const runs = [
      ["generate", "--config", "family.ts", "--no-lint"],
      ["graph", "--config", "family.ts"],
    ];
    for (const args of runs) {
      const result = await runCli(args, dir);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(
        "config file family.ts:4:11: TypeError: no images yet",
      );
      expect(result.stderr).not.toMatch(STACK_FRAME);
    }
  });

  it("says why a thrown string has no line", async () => {
    const dir = tempDir("config-throws");
    writeFileSync(
      join(dir, "family.ts"),
      'const ready: boolean = false;\nif (!ready) {\n  throw "not ready";\n}\nexport default {};\n',
    );
    const result = await runCli(
      ["generate", "--config", "family.ts", "--no-lint"],
      dir,
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("config file family.ts failed to load");
    expect(result.stderr).toContain("throw an Error instead");
  });
});
