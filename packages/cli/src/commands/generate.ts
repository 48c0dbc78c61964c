/**
 * `lzy-images generate`: builds the model, renders every Dockerfile and
 * context file with the tags file, bake file and manifest, and writes them
 * to the output directory. Files an earlier run generated that no image
 * produces any more are deleted. The rendered files are linted first, and
 * nothing is written when a finding reaches the failure threshold.
 */
import { stat } from "node:fs/promises";
import { join, relative, resolve } from "node:path";

import type { BlockDefinition, FamilyModel } from "@lzy-images/dsl";
import {
  findOrphans,
  removeOrphans,
  writeOutput,
  type OutputFile,
  type RenderedImage,
} from "@lzy-images/generator";
import { DEFAULT_THRESHOLD, lintFamily } from "@lzy-images/lint";
import type { Command } from "commander";

import { CONFIG_OPTION_HELP } from "../config.js";
import { CliError } from "../errors.js";
import { renderConfiguredFamily } from "../family-output.js";
import type { CliIo } from "../io.js";
import {
  HADOLINT_OPTION_HELP,
  failureThresholdOption,
  findHadolint,
  lintTimeoutMs,
  lintTimeoutOption,
  printFindings,
  withHadolint,
  type HadolintCliOptions,
} from "./lint.js";
import { runWithJsonReport, type FindingsSink } from "../json-report.js";
import { readmeGraph, writeReadmeGraph } from "../readme-graph.js";

export interface GenerateOptions extends HadolintCliOptions {
  readonly config?: string | undefined;
  readonly out: string;
  readonly readme?: string | undefined;
  /** False with `--no-lint`, which writes without linting. Default true. */
  readonly lint?: boolean | undefined;
  /**
   * Blocks that layers may use besides the built-in ones, for programmatic
   * callers such as tests; config files use the built-in blocks.
   */
  readonly blocks?: readonly BlockDefinition[] | undefined;
  readonly json?: boolean | undefined;
  /** Receives the lint findings, at every level, before they are judged. */
  readonly reportFindings?: FindingsSink | undefined;
}

/** Default output directory, relative to the working directory. */
export const DEFAULT_OUT = "dockerfiles";

/** Adds the command to `program`; `done` receives its exit code. */
export function registerGenerate(
  program: Command,
  io: CliIo,
  done: (code: number) => void,
): void {
  program
    .command("generate")
    .description(
      "write the Dockerfiles and build-context files of an image family",
    )
    .option("-c, --config <file>", CONFIG_OPTION_HELP)
    .option("-o, --out <dir>", "output directory", DEFAULT_OUT)
    .option(
      "--readme <file>",
      "also rewrite the image graph between the graph markers of this README",
    )
    .option("--no-lint", "write without hadolint and the built-in checks")
    .option("--hadolint <path>", HADOLINT_OPTION_HELP)
    .addOption(failureThresholdOption())
    .addOption(lintTimeoutOption())
    .option(
      "--json",
      "print the outcome as JSON on stdout, with every problem of an invalid spec and every lint finding",
    )
    .action(async (options: GenerateOptions) => {
      done(
        options.json
          ? await runWithJsonReport(io, (quiet, reportFindings) =>
              generate({ ...options, reportFindings }, quiet),
            )
          : await generate(options, io),
      );
    });
}

/** Runs `generate` and returns its exit code. */
export async function generate(
  options: GenerateOptions,
  io: CliIo,
): Promise<number> {
  const { model, images, files } = await renderConfiguredFamily(
    options.config,
    io.cwd,
    options.blocks,
  );
  const outDir = resolve(io.cwd, options.out);
  // Everything that can fail on input is read before the first write.
  const orphans = await findOrphans(outDir, files).catch((error: Error) => {
    throw new CliError(`failed to read ${options.out}: ${error.message}`);
  });
  await requireNoDirectoryInTheWay(outDir, files, options.out);
  const readme =
    options.readme === undefined
      ? undefined
      : await readmeGraph(options.readme, io.cwd, model);
  if (!(await lintPasses(model, images, outDir, options, io))) {
    return 1;
  }

  await writeOutput(outDir, files);
  await removeOrphans(outDir, orphans);
  const readmeChanged =
    readme === undefined ? false : await writeReadmeGraph(readme, io.cwd);

  const shown = relative(io.cwd, outDir) || ".";
  io.stdout(
    `Wrote ${files.length} files for ${images.length} images to ${shown}\n`,
  );
  for (const image of images) {
    io.stdout(`  ${image.dockerfile.path}  ${image.image.name}:${image.tag}\n`);
  }
  if (orphans.length > 0) {
    io.stdout(`Deleted ${orphans.length} files no image produces any more:\n`);
    for (const orphan of orphans) {
      io.stdout(`  ${orphan}\n`);
    }
  }
  if (readmeChanged) {
    io.stdout(`Updated the image graph in ${options.readme}\n`);
  }
  return 0;
}

/**
 * Throws a CliError when a directory is where a generated file goes,
 * because a rename cannot replace a directory with a file.
 */
async function requireNoDirectoryInTheWay(
  outDir: string,
  files: readonly OutputFile[],
  shownOut: string,
): Promise<void> {
  for (const file of files) {
    const existing = await stat(join(outDir, file.path)).catch(() => undefined);
    if (existing?.isDirectory()) {
      throw new CliError(
        `cannot write ${join(shownOut, file.path)}: it is a directory; remove or rename that directory, or choose another --out`,
      );
    }
  }
}

/**
 * Lints the rendered family and prints its findings, or warns that lint is
 * skipped with `--no-lint`. Returns false, after saying that nothing was
 * written, when a finding reaches the failure threshold.
 */
async function lintPasses(
  model: FamilyModel,
  images: readonly RenderedImage[],
  outDir: string,
  options: GenerateOptions,
  io: CliIo,
): Promise<boolean> {
  if (options.lint === false) {
    io.stderr(
      "Warning: --no-lint: writing files that hadolint and the built-in checks have not checked\n",
    );
    return true;
  }
  const hadolint = await findHadolint(options, io);
  const shownOut = relative(io.cwd, outDir) || ".";
  const findings = await withHadolint(() =>
    lintFamily(model, images, {
      hadolint,
      env: process.env,
      displayPath: (path) => join(shownOut, path),
      timeoutMs: lintTimeoutMs(options),
    }),
  );

  options.reportFindings?.(findings);
  const threshold = options.failureThreshold ?? DEFAULT_THRESHOLD;
  const failing = printFindings(findings, io.stderr, threshold);
  if (failing === 0) {
    return true;
  }
  io.stderr(
    `Error: ${failing} lint finding${failing === 1 ? "" : "s"} at level ${threshold} or above; nothing was written to ${shownOut}. Fix the blocks named above, or pass --no-lint to write anyway.\n`,
  );
  return false;
}
