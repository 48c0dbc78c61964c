/**
 * `lzy-images tags`: prints each image's content tag and, with `--since`,
 * whether it changed against an earlier tags file, so CI builds only the
 * images whose inputs changed.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";

import {
  bakeTargetNames,
  compareTags,
  parseTagsFile,
  type TagComparison,
  type TagsDocument,
} from "@lzy-images/generator";
import type { Command } from "commander";

import { CONFIG_OPTION_HELP } from "../config.js";
import { CliError } from "../errors.js";
import { renderConfiguredFamily } from "../family-output.js";
import type { CliIo } from "../io.js";

export interface TagsOptions {
  readonly config?: string | undefined;
  readonly since?: string | undefined;
  readonly changed?: boolean | undefined;
  readonly json?: boolean | undefined;
}

/** Adds the command to `program`; `done` receives its exit code. */
export function registerTags(
  program: Command,
  io: CliIo,
  done: (code: number) => void,
): void {
  program
    .command("tags")
    .description("print the content tag of each image")
    .option("-c, --config <file>", CONFIG_OPTION_HELP)
    .option(
      "--since <file>",
      "tags file of an earlier run (such as dockerfiles/tags.json) to compare with",
    )
    .option(
      "--changed",
      "print only the bake targets of images added or changed since --since",
    )
    .option("--json", "print the result as JSON")
    .action(async (options: TagsOptions) => {
      done(await tags(options, io));
    });
}

/** Runs `tags` and returns its exit code. */
export async function tags(options: TagsOptions, io: CliIo): Promise<number> {
  if (options.changed && options.since === undefined) {
    throw new CliError(
      "--changed requires --since FILE, the tags file to compare with",
    );
  }
  const family = await renderConfiguredFamily(options.config, io.cwd);
  const previous =
    options.since === undefined
      ? undefined
      : await readTags(options.since, io.cwd);
  const comparisons = compareTags(
    family.images,
    previous ?? { registry: family.model.registry, tags: {} },
  );
  const targets = bakeTargetNames(family.model);

  if (options.changed) {
    for (const comparison of comparisons) {
      if (comparison.status === "added" || comparison.status === "changed") {
        io.stdout(`${targets.get(comparison.name)}\n`);
      }
    }
    return 0;
  }
  if (options.json) {
    const images = comparisons.map((comparison) => ({
      name: comparison.name,
      target: targets.get(comparison.name) ?? null,
      tag: comparison.tag ?? null,
      ...(previous
        ? { previous: comparison.previous ?? null, status: comparison.status }
        : {}),
    }));
    io.stdout(
      `${JSON.stringify({ registry: family.model.registry, images }, null, 2)}\n`,
    );
    return 0;
  }
  printTable(comparisons, previous !== undefined, io);
  return 0;
}

async function readTags(path: string, cwd: string): Promise<TagsDocument> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      code === "ENOENT"
        ? `tags file not found: ${path}`
        : `tags file ${path} cannot be read: ${(error as Error).message}`,
    );
  }
  try {
    return parseTagsFile(text);
  } catch (error) {
    throw new CliError(`tags file ${path}: ${(error as Error).message}`);
  }
}

function printTable(
  comparisons: readonly TagComparison[],
  compared: boolean,
  io: CliIo,
): void {
  const width = Math.max(...comparisons.map((c) => c.name.length));
  for (const comparison of comparisons) {
    const columns = [
      comparison.name.padEnd(width),
      (comparison.tag ?? "-").padEnd(12),
    ];
    if (compared) {
      columns.push(statusText(comparison));
    }
    io.stdout(`${columns.join("  ").trimEnd()}\n`);
  }
}

function statusText(comparison: TagComparison): string {
  switch (comparison.status) {
    case "changed":
      return `changed (was ${comparison.previous})`;
    case "removed":
      return `removed (was ${comparison.previous})`;
    default:
      return comparison.status;
  }
}
