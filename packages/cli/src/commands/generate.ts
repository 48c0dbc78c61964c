/**
 * `lzy-images generate`: builds the model, renders every Dockerfile and
 * context file with the tags file, bake file and manifest, and writes them
 * to the output directory. Files an earlier run generated that no image
 * produces any more are deleted.
 */
import { relative, resolve } from "node:path";

import { findOrphans, removeOrphans, writeOutput } from "@lzy-images/generator";
import type { Command } from "commander";

import { CliError } from "../errors.js";
import { renderConfiguredFamily } from "../family-output.js";
import type { CliIo } from "../io.js";
import { readmeGraph, writeReadmeGraph } from "../readme-graph.js";

export interface GenerateOptions {
  readonly config?: string | undefined;
  readonly out: string;
  readonly readme?: string | undefined;
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
    .option(
      "-c, --config <file>",
      "family spec (.json, .js or .mjs); default: the built-in Lzy catalog",
    )
    .option("-o, --out <dir>", "output directory", DEFAULT_OUT)
    .option(
      "--readme <file>",
      "also rewrite the image graph between the graph markers of this README",
    )
    .action(async (options: GenerateOptions) => {
      done(await generate(options, io));
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
  );
  const outDir = resolve(io.cwd, options.out);
  // Everything that can fail on input is read before the first write.
  const orphans = await findOrphans(outDir, files).catch((error: Error) => {
    throw new CliError(`failed to read ${options.out}: ${error.message}`);
  });
  const readme =
    options.readme === undefined
      ? undefined
      : await readmeGraph(options.readme, io.cwd, model);

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
