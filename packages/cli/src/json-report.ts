/**
 * `--json`: a command's outcome as one JSON document on stdout, for CI.
 * Invalid specs list every problem with its image, path, code, message,
 * received value and hint; human-readable output moves to stderr.
 */
import { SpecError } from "@lzy-images/dsl";

import { CliError } from "./errors.js";
import type { CliIo } from "./io.js";

/** The document printed by `--json`. */
export type JsonReport =
  | { readonly ok: true; readonly exitCode: number }
  | {
      readonly ok: false;
      readonly exitCode: number;
      readonly problems?: ReadonlyArray<Record<string, unknown>>;
      readonly error?: string;
    };

/**
 * Runs `command` with its normal output on stderr and prints its outcome
 * as JSON on stdout. Expected errors become the report; others propagate.
 */
export async function runWithJsonReport(
  io: CliIo,
  command: (io: CliIo) => Promise<number>,
): Promise<number> {
  const quiet: CliIo = { ...io, stdout: io.stderr };
  let report: JsonReport;
  try {
    const exitCode = await command(quiet);
    report = { ok: exitCode === 0, exitCode };
  } catch (error) {
    if (error instanceof SpecError) {
      report = {
        ok: false,
        exitCode: 2,
        problems: error.problems.map((problem) => ({
          image: problem.image,
          path: problem.path,
          code: problem.code ?? "invalid",
          message: problem.message,
          // undefined would drop the key; null keeps it visible.
          received: "received" in problem ? (problem.received ?? null) : null,
          hint: problem.hint ?? null,
        })),
      };
    } else if (error instanceof CliError) {
      report = { ok: false, exitCode: error.exitCode, error: error.message };
    } else {
      throw error;
    }
  }
  io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  return report.exitCode;
}
