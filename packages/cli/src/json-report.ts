/**
 * `--json`: a command's outcome as one JSON document on stdout, for CI.
 * Invalid specs list every problem with its image, path, code, message,
 * received value and hint. Lint findings, at every level, list the file,
 * line, code, level, message and the image and block that wrote the line.
 * Human-readable output moves to stderr.
 */
import { SpecError, formatValue } from "@lzy-images/dsl";
import type { Finding } from "@lzy-images/lint";

import { CliError } from "./errors.js";
import { fileSystemError } from "./fs-errors.js";
import type { CliIo } from "./io.js";

/** A lint finding as `--json` prints it. */
export interface JsonFinding {
  readonly file: string;
  readonly line: number;
  readonly code: string;
  readonly level: string;
  readonly message: string;
  /** Image and block that wrote the line; null for files given by path. */
  readonly image: string | null;
  readonly block: string | null;
  /** Label that distinguishes instances of the block, such as `py39`. */
  readonly label: string | null;
}

/**
 * The document printed by `--json`. `findings` is present when lint ran,
 * also when it passed with findings below the failure threshold.
 */
export type JsonReport = (
  | { readonly ok: true; readonly exitCode: number }
  | {
      readonly ok: false;
      readonly exitCode: number;
      readonly problems?: ReadonlyArray<Record<string, unknown>>;
      readonly error?: string;
    }
) & { readonly findings?: readonly JsonFinding[] };

/** Receives the findings of a lint run, to add them to the report. */
export type FindingsSink = (findings: readonly Finding[]) => void;

/**
 * Runs `command` with its normal output on stderr and prints its outcome
 * as JSON on stdout. Expected errors become the report; others propagate.
 */
export async function runWithJsonReport(
  io: CliIo,
  command: (io: CliIo, reportFindings: FindingsSink) => Promise<number>,
): Promise<number> {
  const quiet: CliIo = { ...io, stdout: io.stderr };
  let findings: JsonFinding[] | undefined;
  const reportFindings: FindingsSink = (reported) => {
    findings = [...(findings ?? []), ...reported.map(jsonFinding)];
  };
  let report: JsonReport;
  try {
    const exitCode = await command(quiet, reportFindings);
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
  if (findings !== undefined) {
    report = { ...report, findings };
  }
  io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  return report.exitCode;
}

function jsonFinding(finding: Finding): JsonFinding {
  return {
    file: finding.file,
    line: finding.line,
    code: finding.code,
    level: finding.level,
    message: finding.message,
    image: finding.source?.image ?? null,
    block: finding.source?.block ?? null,
    label: finding.source?.label ?? null,
  };
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
