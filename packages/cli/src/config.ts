/**
 * Loads the family spec to generate: the built-in Lzy catalog, or a config
 * file whose default export (or `family` export) is a family spec.
 */
import { access, readFile } from "node:fs/promises";
import { dirname, extname, resolve } from "node:path";
import { pathToFileURL } from "node:url";

import type { FamilySpec } from "@lzy-images/dsl";

import { jsonParseError, moduleLoadError } from "./config-errors.js";
import { resolveExtensions } from "./config-extends.js";
import {
  TYPESCRIPT_EXTENSIONS,
  importTypeScript,
} from "./config-typescript.js";
import { CliError } from "./errors.js";

/** Extensions of config files loaded as JavaScript modules. */
const JAVASCRIPT_EXTENSIONS: readonly string[] = [".js", ".mjs"];

/** The config file types, as help text and messages list them. */
export const CONFIG_FILE_TYPES = [
  ".json",
  ...JAVASCRIPT_EXTENSIONS,
  ...TYPESCRIPT_EXTENSIONS,
]
  .join(", ")
  .replace(/, ([^,]*)$/, " or $1");

/** Help of `--config`, shared by every command that reads a family spec. */
export const CONFIG_OPTION_HELP = `family spec (${CONFIG_FILE_TYPES}); default: the built-in Lzy catalog`;

export interface LoadedConfig {
  readonly family: FamilySpec;
  /** The config path as given, or undefined for the built-in catalog. */
  readonly path: string | undefined;
}

/** Loads `path` relative to `cwd`, or the built-in catalog when omitted. */
export async function loadConfig(
  path: string | undefined,
  cwd: string,
): Promise<LoadedConfig> {
  if (path === undefined) {
    const { lzyFamily } = await import("@lzy-images/catalog");
    return { family: lzyFamily, path: undefined };
  }

  const absolute = resolve(cwd, path);
  const extension = extname(absolute);
  let exported: unknown;
  if (extension === ".json") {
    exported = await readJson(absolute, path);
  } else if (JAVASCRIPT_EXTENSIONS.includes(extension)) {
    exported = await importModule(absolute, path);
  } else if (TYPESCRIPT_EXTENSIONS.includes(extension)) {
    exported = await importTypeScript(absolute, path);
  } else {
    throw new CliError(
      `config file ${path}: unsupported extension "${extension}"; use a ${CONFIG_FILE_TYPES} file`,
    );
  }
  const family = familyFrom(exported, path);
  return {
    family: await resolveExtensions(family, dirname(absolute), path),
    path,
  };
}

async function readJson(absolute: string, shown: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(absolute, "utf8");
  } catch (error) {
    throw notReadable(error, shown);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw jsonParseError(error, text, shown);
  }
}

async function importModule(absolute: string, shown: string): Promise<unknown> {
  // A missing config and a missing import inside it both fail with
  // ERR_MODULE_NOT_FOUND; checking the file first tells them apart.
  try {
    await access(absolute);
  } catch (error) {
    throw notReadable(error, shown);
  }
  try {
    const module = (await import(pathToFileURL(absolute).href)) as Record<
      string,
      unknown
    >;
    return module.default ?? module.family;
  } catch (error) {
    if (
      (error as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND" &&
      String(error).includes(absolute)
    ) {
      throw new CliError(`config file not found: ${shown}`);
    }
    throw moduleLoadError(error, absolute, shown);
  }
}

function notReadable(error: unknown, shown: string): CliError {
  if ((error as NodeJS.ErrnoException).code === "ENOENT") {
    return new CliError(`config file not found: ${shown}`);
  }
  return new CliError(
    `config file ${shown} cannot be read: ${(error as Error).message}`,
  );
}

function familyFrom(exported: unknown, shown: string): FamilySpec {
  const candidate = exported as Partial<FamilySpec> | undefined;
  if (
    candidate === null ||
    typeof candidate !== "object" ||
    typeof candidate.registry !== "string" ||
    !Array.isArray(candidate.images)
  ) {
    throw new CliError(
      `config file ${shown}: expected a family spec { registry, images } as the default export`,
    );
  }
  return candidate as FamilySpec;
}
