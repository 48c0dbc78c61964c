/**
 * `lzy-images generate` run as a user runs it: the built bin in a child
 * process, writing into a temporary directory.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { REPO_ROOT } from "../support/render.js";
import { snapshot } from "../validation/cli-support.js";

const BIN = join(REPO_ROOT, "packages/cli/dist/bin.js");

function generate(out: string, ...extra: string[]) {
  return spawnSync("node", [BIN, "generate", "--out", out, ...extra], {
    cwd: REPO_ROOT,
    encoding: "utf8",
  });
}

describe("lzy-images generate", () => {
  // Lint gating has its own tests; here only rendering and writing matter.
  const lintFlags = spawnSync("node", [BIN, "generate", "--help"], {
    encoding: "utf8",
  }).stdout.includes("--no-lint")
    ? ["--no-lint"]
    : [];

  it("writes the six Dockerfiles and their context files", () => {
    const out = mkdtempSync(join(tmpdir(), "lzy-images-generate-"));
    const result = generate(out, ...lintFlags);
    expect(result.status, result.stderr).toBe(0);
    const files = Object.keys(snapshot(out));
    for (const name of [
      "Worker.Base.Dockerfile",
      "Worker.Dockerfile",
      "UserDefault.Base.Dockerfile",
      "UserDefault.Dockerfile",
      "UserTest.Base.Dockerfile",
      "UserTest.Dockerfile",
      "worker-base/modprobe",
      "worker/entrypoint.sh",
      "worker/test_entrypoint.sh",
    ]) {
      expect(files).toContain(name);
    }
    expect(statSync(join(out, "worker/entrypoint.sh")).mode & 0o777).toBe(
      0o755,
    );
    expect(files.some((file) => file.includes(".lzy-images-"))).toBe(false);
  });

  it("is byte-identical across runs", () => {
    const first = mkdtempSync(join(tmpdir(), "lzy-images-first-"));
    const second = mkdtempSync(join(tmpdir(), "lzy-images-second-"));
    expect(generate(first, ...lintFlags).status).toBe(0);
    expect(generate(second, ...lintFlags).status).toBe(0);
    expect(snapshot(second)).toEqual(snapshot(first));
  });

  it("leaves the committed dockerfiles/ unchanged", () => {
    const out = mkdtempSync(join(tmpdir(), "lzy-images-committed-"));
    expect(generate(out, ...lintFlags).status).toBe(0);
    const committed = snapshot(join(REPO_ROOT, "dockerfiles"));
    for (const [path, content] of Object.entries(snapshot(out))) {
      expect(committed[path], path).toBe(content);
    }
  });

  it("prints each image with its content tag", () => {
    const out = mkdtempSync(join(tmpdir(), "lzy-images-tags-"));
    const result = generate(out, ...lintFlags);
    expect(result.stdout).toMatch(
      /Worker\.Base\.Dockerfile\s+worker-base:[0-9a-f]{12}/,
    );
    expect(result.stdout).toMatch(
      /UserTest\.Dockerfile\s+user-test:[0-9a-f]{12}/,
    );
  });

  it("takes options through pnpm run generate --", () => {
    const out = mkdtempSync(join(tmpdir(), "lzy-images-script-"));
    const pnpm = `pnpm@${JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")).packageManager.split("@")[1]}`;
    execFileSync(
      "npx",
      ["--yes", pnpm, "run", "generate", "--", "--out", out, ...lintFlags],
      { cwd: REPO_ROOT, encoding: "utf8", stdio: "pipe" },
    );
    expect(readdirSync(out)).toContain("Worker.Dockerfile");
  });
});
