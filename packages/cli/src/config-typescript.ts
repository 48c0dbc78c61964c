/**
 * Loads TypeScript configs (`.ts`, `.mts`, `.cts`) without a build step,
 * through jiti. jiti is imported only here, when a TypeScript config is
 * given, so that `generate` with the built-in catalog or a JSON config
 * does not pay for loading a compiler.
 */
import { access } from "node:fs/promises";
import { fileURLToPath } from "node:url";

import { SpecError, type SpecProblem } from "@lzy-images/dsl";

import { moduleLoadError } from "./config-errors.js";
import { CliError } from "./errors.js";

/** File extensions loaded as TypeScript. */
export const TYPESCRIPT_EXTENSIONS: readonly string[] = [".ts", ".mts", ".cts"];

/**
 * Imports the TypeScript config at `absolute` and returns its default
 * export, or its `family` export. Invalid extension options thrown by
 * `extend()` pass through as they are, so they print with their paths.
 */
export async function importTypeScript(
  absolute: string,
  shown: string,
): Promise<unknown> {
  try {
    await access(absolute);
  } catch {
    throw new CliError(`config file not found: ${shown}`);
  }
  const { createJiti } = await import("jiti");
  // Without the module cache, a second load of the same config, as in a
  // test or a watcher, reads its current content.
  const jiti = createJiti(import.meta.url, {
    moduleCache: false,
    alias: workspaceAliases(),
  });
  try {
    const module = await jiti.import<Record<string, unknown>>(absolute);
    return module.default ?? module.family;
  } catch (error) {
    // jiti may load its own copy of the DSL for the config, so the error
    // is recognised by its shape rather than by instanceof.
    if (isSpecError(error)) {
      throw new SpecError(error.problems);
    }
    throw moduleLoadError(error, absolute, shown);
  }
}

/**
 * Points the config's imports of the lzy-images packages at the ones this
 * CLI runs with. A config anywhere, even outside a project, then resolves
 * them, and its specs and errors come from the same modules the CLI uses.
 */
function workspaceAliases(): Record<string, string> {
  const names = ["dsl", "catalog", "generator", "lint"];
  return Object.fromEntries(
    names.map((name) => [
      `@lzy-images/${name}`,
      fileURLToPath(import.meta.resolve(`@lzy-images/${name}`)),
    ]),
  );
}

function isSpecError(
  error: unknown,
): error is { readonly problems: readonly SpecProblem[] } {
  return (
    error instanceof Error &&
    error.name === "SpecError" &&
    Array.isArray((error as { problems?: unknown }).problems)
  );
}
