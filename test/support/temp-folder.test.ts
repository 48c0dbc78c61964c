/**
 * The vitest setup file gives each test file its own TMPDIR, which child
 * processes inherit, so folders made there go away with the test file.
 */
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { basename } from "node:path";

import { describe, expect, it } from "vitest";

describe("test temporary folder", () => {
  it("is set for this file", () => {
    expect(basename(tmpdir())).toMatch(/^lzy-test-run-/);
  });

  it("is inherited by child processes", () => {
    const childTmp = execFileSync(
      process.execPath,
      ["-p", "require('node:os').tmpdir()"],
      { encoding: "utf8" },
    ).trim();
    expect(childTmp).toBe(tmpdir());
  });
});
