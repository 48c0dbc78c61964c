/**
 * `--json`: a command's outcome as one JSON document on stdout, for CI.
 * Invalid specs list every problem with its image, path, code, message,
 * received value and hint; human-readable output moves to stderr.
 */
import { SpecError, formatValue } from "@lzy-images/dsl";

import { CliError } from "./errors.js";
import { fileSystemError } from "./fs-errors.js";
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
  } catch (thrown) {
    const error = fileSystemError(thrown) ?? thrown;
    if (error instanceof SpecError) {
      report = {
        ok: false,
        exitCode: 2,
        problems: error.problems.map((problem) => ({
          image: problem.image,
          path: problem.path,
          code: problem.code ?? "invalid",
          message: problem.message,
          received: jsonSafe(problem.received),
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

/**
 * Returns `value` if JSON can hold it, else its text as in messages (a
 * circular object or a BigInt from a JavaScript config). Undefined becomes
 * null, so the key stays in the report.
 */
function jsonSafe(value: unknown): unknown {
  if (value === undefined) {
    return null;
  }
  try {
    JSON.stringify(value);
    return value;
  } catch {
    return formatValue(value);
  }
}
