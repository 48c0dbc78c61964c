/**
 * `lzy-images check`: renders the family in memory and compares it with
 * the output directory (and, with `--readme`, the README's graph), so CI
 * fails when a generated file was edited by hand or a spec changed
 * without `generate`. Writes nothing.
 */
import { relative, resolve } from "node:path";

import {
  compareOutput,
  unifiedDiff,
  type FileDrift,
} from "@lzy-images/generator";
import type { Command } from "commander";

import { CONFIG_OPTION_HELP } from "../config.js";
import { CliError } from "../errors.js";
import { renderConfiguredFamily } from "../family-output.js";
import type { CliIo } from "../io.js";
import { readmeGraph } from "../readme-graph.js";
import { DEFAULT_OUT } from "./generate.js";

export interface CheckOptions {
  readonly config?: string | undefined;
  readonly out: string;
  readonly readme?: string | undefined;
  readonly json?: boolean | undefined;
}

/** A drifted file, with its path relative to the working directory. */
interface ReportedDrift extends FileDrift {
  readonly displayPath: string;
}

/** Adds the command to `program`; `done` receives its exit code. */
export function registerCheck(
  program: Command,
  io: CliIo,
  done: (code: number) => void,
): void {
  program
    .command("check")
    .description(
      "exit 1 with a diff when generated files differ from what the specs render",
    )
    .option("-c, --config <file>", CONFIG_OPTION_HELP)
    .option("-o, --out <dir>", "output directory to compare", DEFAULT_OUT)
    .option("--readme <file>", "also compare the image graph in this README")
    .option("--json", "print the result as JSON")
    .action(async (options: CheckOptions) => {
      done(await check(options, io));
    });
}

/** Runs `check` and returns its exit code: 0 up to date, 1 drift. */
export async function check(options: CheckOptions, io: CliIo): Promise<number> {
  const family = await renderConfiguredFamily(options.config, io.cwd);
  const outDir = resolve(io.cwd, options.out);

  let drifts: ReportedDrift[];
  try {
    drifts = (await compareOutput(outDir, family.files)).map((drift) => ({
      ...drift,
      displayPath: relative(io.cwd, resolve(outDir, drift.path)),
    }));
  } catch (error) {
    throw new CliError(
      `failed to compare ${options.out}: ${(error as Error).message}`,
    );
  }
  if (options.readme !== undefined) {
    const readme = await readmeGraph(options.readme, io.cwd, family.model);
    const diff = await unifiedDiff(readme.path, readme.actual, readme.expected);
    if (diff !== "") {
      drifts.push({
        path: readme.path,
        displayPath: readme.path,
        status: "stale",
        diff,
      });
    }
  }

  if (options.json) {
    io.stdout(`${JSON.stringify(jsonReport(drifts), null, 2)}\n`);
  } else {
    printReport(drifts, regenerateHint(options), io);
  }
  return drifts.length === 0 ? 0 : 1;
}

function jsonReport(drifts: readonly ReportedDrift[]): object {
  return {
    upToDate: drifts.length === 0,
    files: drifts.map((drift) => ({
      path: drift.displayPath,
      status: drift.status,
      diff: drift.diff,
      ...(drift.mode
        ? {
            mode: {
              actual: octal(drift.mode.actual),
              expected: octal(drift.mode.expected),
            },
          }
        : {}),
    })),
  };
}

function printReport(
  drifts: readonly ReportedDrift[],
  hint: string,
  io: CliIo,
): void {
  if (drifts.length === 0) {
    io.stdout("Generated files are up to date.\n");
    return;
  }
  for (const drift of drifts.filter((drift) => drift.status !== "extra")) {
    io.stdout(
      `${drift.status === "stale" ? "Stale" : "Missing"}: ${drift.displayPath}\n`,
    );
    if (drift.mode) {
      io.stdout(
        `mode ${octal(drift.mode.actual)} on disk, expected ${octal(drift.mode.expected)}\n`,
      );
    }
    io.stdout(drift.diff);
  }
  const extra = drifts.filter((drift) => drift.status === "extra");
  if (extra.length > 0) {
    io.stdout("Generated earlier but no longer produced by any image:\n");
    for (const drift of extra) {
      io.stdout(`  ${drift.displayPath}\n`);
    }
  }
  const count = drifts.length;
  io.stderr(
    `${count} generated file${count === 1 ? " is" : "s are"} out of date; run \`${hint}\` and commit the result.\n`,
  );
}

/** Returns the generate command with the same options as this check. */
function regenerateHint(options: CheckOptions): string {
  const words = ["lzy-images", "generate"];
  if (options.config !== undefined) {
    words.push("--config", options.config);
  }
  if (options.out !== DEFAULT_OUT) {
    words.push("--out", options.out);
  }
  if (options.readme !== undefined) {
    words.push("--readme", options.readme);
  }
  return words.join(" ");
}

function octal(mode: number): string {
  return `0${mode.toString(8)}`;
}
