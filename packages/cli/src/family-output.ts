/**
 * Renders the configured family in memory, the same way for every command,
 * so that `check` compares against exactly what `generate` writes.
 */
import { resolve } from "node:path";

import {
  SpecError,
  buildFamily,
  builtInBlocks,
  type BlockDefinition,
  type FamilyModel,
} from "@lzy-images/dsl";
import {
  generatedFiles,
  renderFamily,
  type OutputFile,
  type RenderedImage,
} from "@lzy-images/generator";

import { configCodeError } from "./config-errors.js";
import { loadConfig } from "./config.js";
import { CliError } from "./errors.js";

export interface RenderedFamily {
  /** The config path as given, or undefined for the built-in catalog. */
  readonly configPath: string | undefined;
  readonly model: FamilyModel;
  /** Rendered images in build order. */
  readonly images: readonly RenderedImage[];
  /** Every file of the output directory, sorted by path. */
  readonly files: readonly OutputFile[];
}

/**
 * Loads the config at `configPath` (the built-in catalog when undefined),
 * builds and renders it, with `extraBlocks` available besides the built-in
 * ones. Throws CliError or SpecError on invalid input.
 */
export async function renderConfiguredFamily(
  configPath: string | undefined,
  cwd: string,
  extraBlocks: readonly BlockDefinition[] = [],
): Promise<RenderedFamily> {
  try {
    return await renderFamilyOf(configPath, cwd, extraBlocks);
  } catch (error) {
    // Invalid specs keep their structured problems.
    if (
      configPath === undefined ||
      error instanceof CliError ||
      error instanceof SpecError
    ) {
      throw error;
    }
    throw configCodeError(error, resolve(cwd, configPath), configPath) ?? error;
  }
}

async function renderFamilyOf(
  configPath: string | undefined,
  cwd: string,
  extraBlocks: readonly BlockDefinition[],
): Promise<RenderedFamily> {
  const config = await loadConfig(configPath, cwd);
  const blocks = new Map([
    ...builtInBlocks,
    ...extraBlocks.map((block) => [block.name, block] as const),
  ]);
  const model = buildFamily(config.family, blocks);
  const images = renderFamily(model, {
    regenerate: regenerateCommand(config.path),
  });
  return {
    configPath: config.path,
    model,
    images,
    files: generatedFiles(model, images),
  };
}

/** Returns the command each generated header names for regenerating it. */
export function regenerateCommand(configPath: string | undefined): string {
  return configPath === undefined
    ? "pnpm run generate"
    : `lzy-images generate --config ${configPath}`;
}
