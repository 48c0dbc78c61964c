/**
 * Runs the CLI in process for the CI-facing commands and builds variants
 * of the catalog, each written as a config file the CLI can load.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

import { run } from "@lzy-images/cli";

import { REPO_ROOT } from "../support/render.js";

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `lzy-images ...argv` in process with `cwd` as working directory. */
export async function cli(
  argv: readonly string[],
  cwd: string = REPO_ROOT,
): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    cwd,
  });
  return { code, stdout, stderr };
}

/**
 * Runs the built `lzy-images` bin in a child process, for cases where a
 * config file changes between runs: in process, Node's module cache would
 * keep the first version.
 */
export function cliProcess(argv: readonly string[]): CliResult {
  const result = spawnSync(
    process.execPath,
    [join(REPO_ROOT, "packages/cli/dist/bin.js"), ...argv],
    { cwd: REPO_ROOT, encoding: "utf8" },
  );
  return {
    code: result.status ?? -1,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

/**
 * Lint gating has its own tests, and these only need the files written,
 * so generate runs without hadolint.
 */
export const NO_LINT = "--no-lint";

/** Runs `generate` into a new temporary folder and returns the folder. */
export async function generateInto(...extra: string[]): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), "lzy-images-ci-"));
  const result = await cli(["generate", "--out", out, NO_LINT, ...extra]);
  if (result.code !== 0) {
    throw new Error(`generate failed (${result.code}): ${result.stderr}`);
  }
  return out;
}

/**
 * Writes a config module that exports the catalog with `transform`
 * applied, and returns its path. `transform` is the source of a function
 * from the catalog family spec to a family spec, such as
 * `(family) => ({ ...family, images: family.images.slice(0, 2) })`.
 * The catalog is imported by file URL, so the config can live outside
 * the workspace.
 */
export function catalogConfig(transform: string): string {
  const dir = mkdtempSync(join(tmpdir(), "lzy-images-config-"));
  const catalog = pathToFileURL(
    join(REPO_ROOT, "packages/catalog/dist/index.js"),
  ).href;
  const path = join(dir, "family.mjs");
  writeFileSync(
    path,
    [
      `import { lzyFamily } from ${JSON.stringify(catalog)};`,
      `export default (${transform})(lzyFamily);`,
      "",
    ].join("\n"),
  );
  return path;
}

/**
 * Returns the source of a transform that replaces the options of every layer of
 * block `block` in the images named `images`.
 */
export function withLayerOptions(
  images: readonly string[],
  block: string,
  options: object,
): string {
  return `(family) => ({
    ...family,
    images: family.images.map((image) =>
      ${JSON.stringify(images)}.includes(image.name)
        ? {
            ...image,
            layers: image.layers.map((layer) =>
              layer.block === ${JSON.stringify(block)}
                ? { ...layer, options: { ...layer.options, ...${JSON.stringify(options)} } }
                : layer,
            ),
          }
        : image,
    ),
  })`;
}

/** A transform that leaves the catalog unchanged. */
export const IDENTITY = "(family) => family";

/**
 * Generates the catalog through a config file, whose path the generated
 * headers name, so that a later run with the same path and an edited
 * config differs only by the edit.
 */
export async function generatedWithConfig(): Promise<{
  config: string;
  out: string;
}> {
  const config = catalogConfig(IDENTITY);
  const out = await generateInto("--config", config);
  return { config, out };
}

/** Replaces the transform of a config written by `catalogConfig`. */
export function rewriteConfig(config: string, transform: string): void {
  writeFileSync(
    config,
    readFileSync(config, "utf8").replace(IDENTITY, transform),
  );
}
