/**
 * The up-to-date check of `generate`: a repeated run with unchanged inputs
 * and untouched output is replayed, and anything changed runs in full.
 * A full run rewrites every file, so an unchanged modification time shows
 * that a run was replayed.
 */
import { spawnSync } from "node:child_process";
import {
  appendFileSync,
  mkdtempSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { REPO_ROOT } from "../support/render.js";

const BIN = join(REPO_ROOT, "packages/cli/dist/bin.js");

function setUp() {
  const dir = mkdtempSync(join(tmpdir(), "lzy-images-up-to-date-"));
  const env = { ...process.env, XDG_CACHE_HOME: join(dir, "cache") };
  delete env.LZY_IMAGES_NO_CACHE;
  const out = join(dir, "out");
  const generate = (...extra: string[]) =>
    spawnSync("node", [BIN, "generate", "--out", out, "--no-lint", ...extra], {
      cwd: REPO_ROOT,
      encoding: "utf8",
      env,
    });
  const mtime = () => statSync(join(out, "Worker.Dockerfile")).mtimeMs;
  return { dir, env, out, generate, mtime };
}

/** Moves a file's modification time back, so a rewrite is visible. */
function age(path: string): void {
  utimesSync(path, new Date(2000, 0, 1), new Date(2000, 0, 1));
}

describe("generate up-to-date check", () => {
  it("replays a repeated run", () => {
    const { out, generate, mtime } = setUp();
    const first = generate();
    expect(first.status, first.stderr).toBe(0);
    age(join(out, "Worker.Dockerfile"));
    const before = mtime();

    const second = generate();
    expect(second.status).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toBe(first.stderr);
    expect(mtime()).toBe(before);
  });

  it("runs in full after an output edit", () => {
    const { out, generate } = setUp();
    expect(generate().status).toBe(0);
    const file = join(out, "Worker.Dockerfile");
    const original = readFileSync(file, "utf8");
    appendFileSync(file, "# edited\n");

    expect(generate().status).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(original);
  });

  it("runs in full after a mode change", () => {
    const { out, generate } = setUp();
    expect(generate().status).toBe(0);
    const script = join(out, "worker/entrypoint.sh");
    spawnSync("chmod", ["0644", script]);

    expect(generate().status).toBe(0);
    expect(statSync(script).mode & 0o777).toBe(0o755);
  });

  it("runs in full after an extra file appears", () => {
    const { out, generate, mtime } = setUp();
    expect(generate().status).toBe(0);
    writeFileSync(join(out, "Extra.Dockerfile"), "FROM scratch\n");
    age(join(out, "Worker.Dockerfile"));
    const before = mtime();

    expect(generate().status).toBe(0);
    expect(mtime()).not.toBe(before);
  });

  it("runs in full with other options", () => {
    const { out, generate, mtime } = setUp();
    expect(generate().status).toBe(0);
    age(join(out, "Worker.Dockerfile"));
    const before = mtime();

    const json = generate("--json");
    expect(json.status).toBe(0);
    expect(mtime()).not.toBe(before);
  });

  it("runs in full with LZY_IMAGES_NO_CACHE=1", () => {
    const { out, env, mtime } = setUp();
    const run = (extraEnv: Record<string, string>) =>
      spawnSync("node", [BIN, "generate", "--out", out, "--no-lint"], {
        cwd: REPO_ROOT,
        encoding: "utf8",
        env: { ...env, ...extraEnv },
      });
    expect(run({}).status).toBe(0);
    age(join(out, "Worker.Dockerfile"));
    const before = mtime();

    expect(run({ LZY_IMAGES_NO_CACHE: "1" }).status).toBe(0);
    expect(mtime()).not.toBe(before);
  });

  it("replays without one-time lines", () => {
    const { dir, generate, out } = setUp();
    const readme = join(dir, "README.md");
    // A README whose graph is stale, so the first run rewrites it.
    const original = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
    writeFileSync(readme, original.replace("flowchart", "flowchart \n"));

    const first = generate("--readme", readme);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain("Updated the image graph in");

    const replayed = generate("--readme", readme);
    expect(replayed.status).toBe(0);
    expect(replayed.stdout).not.toContain("Updated the image graph");
    expect(replayed.stdout).toContain("Wrote ");

    const full = spawnSync(
      "node",
      [BIN, "generate", "--out", out, "--no-lint", "--readme", readme],
      {
        cwd: REPO_ROOT,
        encoding: "utf8",
        env: { ...process.env, LZY_IMAGES_NO_CACHE: "1" },
      },
    );
    expect(full.stdout).toBe(replayed.stdout);
  });

  it("runs in full after an input changes", () => {
    const { out, generate, mtime } = setUp();
    expect(generate().status).toBe(0);
    age(join(out, "Worker.Dockerfile"));
    const before = mtime();

    // A new modification time on the compiled catalog stands for a rebuild.
    const catalog = join(REPO_ROOT, "packages/catalog/dist/index.js");
    const { atime } = statSync(catalog);
    utimesSync(catalog, atime, new Date());

    expect(generate().status).toBe(0);
    expect(mtime()).not.toBe(before);
  });
});
