/**
 * The image graph section of a README: `generate --readme FILE` rewrites
 * it and `check --readme FILE` compares it.
 */
import { readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";

import type { FamilyModel } from "@lzy-images/dsl";
import {
  mermaidBlock,
  renderGraph,
  replaceSection,
} from "@lzy-images/generator";

import { CliError } from "./errors.js";

/** Name of the README section that contains the graph. */
export const GRAPH_SECTION = "graph";

export interface ReadmeGraph {
  /** The README path as given. */
  readonly path: string;
  readonly actual: string;
  /** The README with the graph section rendered from the model. */
  readonly expected: string;
}

/**
 * Reads the README at `path` and renders its graph section from `model`.
 * Throws CliError when the file cannot be read or has no graph markers.
 */
export async function readmeGraph(
  path: string,
  cwd: string,
  model: FamilyModel,
): Promise<ReadmeGraph> {
  let actual: string;
  try {
    actual = await readFile(resolve(cwd, path), "utf8");
  } catch (error) {
    throw new CliError(
      `README ${path} cannot be read: ${(error as Error).message}`,
    );
  }
  try {
    const expected = replaceSection(
      actual,
      GRAPH_SECTION,
      mermaidBlock(renderGraph(model)),
    );
    return { path, actual, expected };
  } catch (error) {
    throw new CliError(`README ${path}: ${(error as Error).message}`);
  }
}

/** Writes the rendered README when it differs; returns true if it did. */
export async function writeReadmeGraph(
  readme: ReadmeGraph,
  cwd: string,
): Promise<boolean> {
  // Unchanged bytes are not rewritten, so a run leaves the file's time
  // stamp and any concurrent editor's buffer alone.
  if (readme.actual === readme.expected) {
    return false;
  }
  await writeFile(resolve(cwd, readme.path), readme.expected);
  return true;
}
