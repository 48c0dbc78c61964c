/**
 * `lzy-images init` in an empty directory, then the commands of the README
 * it writes, with the workspace packages linked where `npm install` would
 * put them: the result is a lint-clean Dockerfile FROM user-default.
 */
import { execFileSync, spawnSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  symlinkSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";

import { locateHadolint } from "@lzy-images/lint";
import { expect, it } from "vitest";

import { REPO_ROOT } from "../support/render.js";

const BIN = join(REPO_ROOT, "packages/cli/dist/bin.js");

/** The shell commands of the README's first `sh` block. */
function readmeCommands(readme: string): string[] {
  const block = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
  return block.split("\n").filter((line) => line.trim() !== "");
}

/** Links the workspace packages as `npm install` would install them. */
function linkWorkspacePackages(project: string): void {
  const scope = join(project, "node_modules", "@lzy-images");
  mkdirSync(scope, { recursive: true });
  for (const name of ["dsl", "catalog", "cli"]) {
    symlinkSync(join(REPO_ROOT, "packages", name), join(scope, name));
  }
  mkdirSync(join(project, "node_modules", ".bin"));
  symlinkSync(BIN, join(project, "node_modules", ".bin", "lzy-images"));
}

it("init project generates a lint-clean image", async () => {
  const project = join(mkdtempSync(join(tmpdir(), "lzy-init-")), "my-lab");
  execFileSync("node", [BIN, "init", project]);
  expect(readdirSync(project).sort()).toEqual([
    ".gitignore",
    "README.md",
    "images.config.ts",
    "package.json",
  ]);
  const manifest = JSON.parse(
    readFileSync(join(project, "package.json"), "utf8"),
  ) as { dependencies: Record<string, string> };
  expect(Object.keys(manifest.dependencies)).toContain("@lzy-images/dsl");

  const commands = readmeCommands(
    readFileSync(join(project, "README.md"), "utf8"),
  );
  expect(commands[0]).toBe("npm install");
  linkWorkspacePackages(project);

  // generate lints what it writes, so hadolint must be on PATH.
  const hadolint = await locateHadolint({
    env: process.env,
    cwd: REPO_ROOT,
    npx: false,
  });
  // A user's shell has none of the npm_config_* variables that pnpm sets
  // for the test run, and npx warns about several of them.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.toLowerCase().startsWith("npm_config_"),
    ),
  );
  env["PATH"] = `${dirname(hadolint.command)}${delimiter}${process.env.PATH}`;
  for (const command of commands.slice(1)) {
    const result = spawnSync("bash", ["-c", command], {
      cwd: project,
      env,
      encoding: "utf8",
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  }

  const dockerfile = join(project, "dockerfiles", "MyLab.Dockerfile");
  const text = readFileSync(dockerfile, "utf8");
  expect(text).toContain(
    "FROM ${USER_DEFAULT_REGISTRY}/user-default:${USER_DEFAULT_TAG}\n",
  );
  const lint = spawnSync(
    hadolint.command,
    [
      ...hadolint.prefix,
      "--config",
      join(REPO_ROOT, ".hadolint.yaml"),
      dockerfile,
    ],
    { encoding: "utf8" },
  );
  expect(lint.stdout).toBe("");
  expect(lint.status).toBe(0);
});

it("init rejects a non-empty directory", () => {
  const project = mkdtempSync(join(tmpdir(), "lzy-init-"));
  execFileSync("node", [BIN, "init", join(project, "a")]);
  const result = spawnSync("node", [BIN, "init", join(project, "a")], {
    encoding: "utf8",
  });
  expect(result.status).toBe(2);
  expect(result.stderr).toContain("is not empty");
});
