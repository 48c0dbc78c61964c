/**
 * `lzy-images generate`: builds the model, renders every Dockerfile and
 * context file, and writes them to the output directory.
 */
import { relative, resolve } from "node:path";

import { buildFamily } from "@lzy-images/dsl";
import { outputFiles, renderFamily, writeOutput } from "@lzy-images/generator";
import type { Command } from "commander";

import { loadConfig } from "../config.js";
import type { CliIo } from "../io.js";

export interface GenerateOptions {
  readonly config?: string | undefined;
  readonly out: string;
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
    .action(async (options: GenerateOptions) => {
      done(await generate(options, io));
    });
}

/** Runs `generate` and returns its exit code. */
export async function generate(
  options: GenerateOptions,
  io: CliIo,
): Promise<number> {
  const config = await loadConfig(options.config, io.cwd);
  const model = buildFamily(config.family);
  const regenerate =
    config.path === undefined
      ? "pnpm run generate"
      : `lzy-images generate --config ${config.path}`;
  const images = renderFamily(model, { regenerate });
  const files = outputFiles(images);

  const outDir = resolve(io.cwd, options.out);
  await writeOutput(outDir, files);

  const shown = relative(io.cwd, outDir) || ".";
  io.stdout(
    `Wrote ${files.length} files for ${images.length} images to ${shown}\n`,
  );
  for (const image of images) {
    io.stdout(`  ${image.dockerfile.path}  ${image.image.name}:${image.tag}\n`);
  }
  return 0;
}
