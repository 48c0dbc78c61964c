/**
 * File system errors a user can cause and fix, such as an output folder
 * below a file or without write permission, exit 2 with the path and the
 * fix and without a stack trace. Exit 70 stays for bugs.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { fileSystemError } from "../../packages/cli/dist/fs-errors.js";
import { BIN, runCli, tempDir } from "../validation/cli-support.js";

const STACK_FRAME = /^\s+at /m;

/** Returns an error shaped like the ones node:fs throws. */
function fsError(code: string, syscall: string, path: string): Error {
  const error = new Error(`${code}: some reason, ${syscall} '${path}'`);
  Object.assign(error, { code, syscall, path, errno: -1 });
  return error;
}

describe("fileSystemError", () => {
  const codes = [
    "EACCES",
    "EPERM",
    "ENOTDIR",
    "EEXIST",
    "EISDIR",
    "ENOSPC",
    "EROFS",
  ];

  it.each(codes)("maps %s to exit 2 with the path", (code) => {
    const mapped = fileSystemError(fsError(code, "mkdir", "/x/out"));
    expect(mapped?.exitCode).toBe(2);
    expect(mapped?.message).toContain("mkdir failed on /x/out");
    expect(mapped?.message).toContain(`(${code})`);
  });

  it("leaves other errors alone", () => {
    expect(fileSystemError(fsError("EIO", "read", "/x"))).toBeUndefined();
    expect(fileSystemError(new TypeError("a bug"))).toBeUndefined();
    expect(fileSystemError("EACCES")).toBeUndefined();
  });

  it("maps a missing TMPDIR to exit 2", () => {
    const mapped = fileSystemError(
      fsError("ENOENT", "mkdtemp", "/nonexistent/lzy-images-lint-1-x"),
    );
    expect(mapped?.exitCode).toBe(2);
    expect(mapped?.message).toContain("set TMPDIR to an existing folder");
  });

  it("leaves other ENOENT errors alone", () => {
    expect(fileSystemError(fsError("ENOENT", "open", "/x"))).toBeUndefined();
  });

  it("names both paths of a rename", () => {
    const error = fsError("EACCES", "rename", "/a");
    Object.assign(error, { dest: "/b" });
    expect(fileSystemError(error)?.message).toContain("/a -> /b");
  });
});

describe("file system errors in commands", () => {
  it("reports generate --out below a file", async () => {
    const dir = tempDir("fs-errors");
    writeFileSync(join(dir, "afile"), "");
    const result = await runCli(
      ["generate", "--no-lint", "--out", "afile/sub"],
      dir,
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(join(dir, "afile"));
    expect(result.stderr).toContain("ENOTDIR");
    expect(result.stderr).not.toContain("Internal error");
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it("reports a directory in a file's place", async () => {
    const dir = tempDir("fs-errors");
    mkdirSync(join(dir, "out/Worker.Dockerfile"), { recursive: true });
    const result = await runCli(["generate", "--no-lint", "--out", "out"], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      "cannot write out/Worker.Dockerfile: it is a directory",
    );
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it("reports schema --out into a file", async () => {
    const dir = tempDir("fs-errors");
    writeFileSync(join(dir, "afile"), "");
    const result = await runCli(["schema", "--out", "afile/x.json"], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(join(dir, "afile/x.json"));
    expect(result.stderr).toContain("ENOTDIR");
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it("reports schema --out naming a directory", async () => {
    const dir = tempDir("fs-errors");
    mkdirSync(join(dir, "folder"));
    const result = await runCli(["schema", "--out", "folder"], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("EISDIR");
    expect(result.stderr).toContain("give a file path");
  });

  it("puts the error into the --json report", async () => {
    const dir = tempDir("fs-errors");
    writeFileSync(join(dir, "afile"), "");
    const result = await runCli(
      ["generate", "--no-lint", "--json", "--out", "afile/sub"],
      dir,
    );
    expect(result.status).toBe(2);
    const report = JSON.parse(result.stdout) as { error: string };
    expect(report.error).toContain("ENOTDIR");
  });

  // root may write anywhere, so the test drops to user nobody through
  // setpriv (util-linux) when it runs as root. nobody must then be able
  // to read the CLI, which a checkout below a 0700 folder (as from
  // `mktemp -d`) prevents.
  const asRoot = process.getuid?.() === 0;
  const bin = join(__dirname, "../../packages/cli/dist/bin.js");
  const nobodyRuns = (): boolean =>
    spawnSync(
      "setpriv",
      ["--reuid=65534", "--regid=65534", "--clear-groups", "test", "-r", bin],
      { encoding: "utf8" },
    ).status === 0;
  it.skipIf(asRoot && !nobodyRuns())("reports an unwritable --out", () => {
    const dir = tempDir("fs-errors");
    const readOnly = join(dir, "ro");
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o555);
    chmodSync(dir, 0o755);
    const command = [
      process.execPath,
      bin,
      "generate",
      "--no-lint",
      "--out",
      join(readOnly, "sub"),
    ];
    const result = asRoot
      ? spawnSync(
          "setpriv",
          ["--reuid=65534", "--regid=65534", "--clear-groups", ...command],
          { cwd: dir, encoding: "utf8" },
        )
      : spawnSync(command[0]!, command.slice(1), {
          cwd: dir,
          encoding: "utf8",
        });
    expect(result.stderr).toContain(join(readOnly, "sub"));
    expect(result.stderr).toContain("EACCES");
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.status).toBe(2);
  });
});

describe("hadolint reporting a file it was not given", () => {
  it("exits 2 without a stack trace", async () => {
    const dir = tempDir("unknown-file");
    const hadolint = join(dir, "hadolint");
    writeFileSync(
      hadolint,
      `#!/bin/sh\necho '[{"code":"DL3003","column":1,"file":"/nonexistent/X.Dockerfile","level":"warning","line":9,"message":"Use WORKDIR"}]'\n`,
    );
    chmodSync(hadolint, 0o755);
    const result = await runCli(
      ["generate", "--out", "out", "--hadolint", hadolint],
      dir,
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("/nonexistent/X.Dockerfile");
    expect(result.stderr).toContain("a file it was not given");
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });
});

describe("a missing TMPDIR", () => {
  it("makes generate exit 2 without writing", () => {
    const out = join(tempDir("missing-tmpdir"), "out");
    const result = spawnSync("node", [BIN, "generate", "--out", out], {
      encoding: "utf8",
      env: {
        ...process.env,
        TMPDIR: "/nonexistent-lzy-images-tmpdir",
        LZY_IMAGES_NO_CACHE: "1",
      },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("set TMPDIR to an existing folder");
    expect(result.stderr).not.toContain("    at ");
    expect(existsSync(out)).toBe(false);
  });
});
