/**
 * `lzy-images lint FILE...`: lints Dockerfiles with hadolint under the
 * project's policy, and with the built-in checks that work on Dockerfile
 * text (LZY002 secret-like ARG and ENV names, LZY003 `conda activate`).
 * The file also contains what `generate` shares with it: the hadolint
 * options, finding hadolint, and printing findings.
 */
import { stat } from "node:fs/promises";
import { resolve } from "node:path";

import {
  DEFAULT_HADOLINT_TIMEOUT_MS,
  DEFAULT_THRESHOLD,
  HadolintError,
  HadolintNotFoundError,
  LEVELS,
  formatFinding,
  lintFiles,
  locateHadolint,
  reachesThreshold,
  sortFindings,
  type Finding,
  type HadolintCommand,
  type Level,
} from "@lzy-images/lint";
import { InvalidArgumentError, Option, type Command } from "commander";

import { CliError } from "../errors.js";
import type { CliIo } from "../io.js";

/** Options that choose hadolint and when findings fail the command. */
export interface HadolintCliOptions {
  readonly hadolint?: string | undefined;
  readonly failureThreshold?: Level | undefined;
  /** Seconds hadolint may run, from `--lint-timeout`. */
  readonly lintTimeout?: number | undefined;
  /**
   * The lzy-images checkout's hadolint, or false to skip it, for
   * programmatic callers such as tests. Default: CHECKOUT_HADOLINT.
   */
  readonly checkoutHadolint?: string | false | undefined;
}

/** Help of `--hadolint`, shared by every command that runs hadolint. */
export const HADOLINT_OPTION_HELP =
  "hadolint binary; default: $HADOLINT, then .venv/bin/hadolint of the project, then PATH, then npx";

/** `--failure-threshold`, shared by every command that runs hadolint. */
export function failureThresholdOption(): Option {
  return new Option(
    "--failure-threshold <level>",
    "lowest level of a finding that fails the command",
  )
    .choices(LEVELS)
    .default(DEFAULT_THRESHOLD);
}

/** `--lint-timeout`, shared by every command that runs hadolint. */
export function lintTimeoutOption(): Option {
  return new Option(
    "--lint-timeout <seconds>",
    "seconds hadolint may run before it is killed and the command fails",
  )
    .argParser(parseSeconds)
    .default(DEFAULT_HADOLINT_TIMEOUT_MS / 1000);
}

/** Returns `--lint-timeout` in milliseconds. */
export function lintTimeoutMs(options: HadolintCliOptions): number {
  return (options.lintTimeout ?? DEFAULT_HADOLINT_TIMEOUT_MS / 1000) * 1000;
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (value.trim() === "" || !Number.isFinite(seconds) || seconds <= 0) {
    throw new InvalidArgumentError(
      `expected a number of seconds greater than 0, such as 120.`,
    );
  }
  return seconds;
}

/**
 * Finds hadolint for a command. Not finding it is a usage error (exit 2)
 * whose message lists the ways to install it.
 */
export async function findHadolint(
  options: HadolintCliOptions,
  io: CliIo,
): Promise<HadolintCommand> {
  try {
    return await locateHadolint({
      explicit: options.hadolint,
      env: process.env,
      cwd: io.cwd,
      checkoutHadolint: options.checkoutHadolint,
    });
  } catch (error) {
    if (error instanceof HadolintNotFoundError) {
      throw new CliError(error.message, 2);
    }
    throw error;
  }
}

/** Runs `action` and turns a hadolint failure into a usage error (exit 2). */
export async function withHadolint<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof HadolintError) {
      throw new CliError(error.message, 2);
    }
    throw error;
  }
}

/**
 * Prints each finding as one line and returns how many reach `threshold`.
 * Findings below the threshold are printed too, but do not fail.
 */
export function printFindings(
  findings: readonly Finding[],
  write: (text: string) => void,
  threshold: Level,
): number {
  for (const finding of findings) {
    write(`${formatFinding(finding)}\n`);
  }
  return findings.filter((finding) =>
    reachesThreshold(finding.level, threshold),
  ).length;
}

/** Adds the command to `program`; `done` receives its exit code. */
export function registerLint(
  program: Command,
  io: CliIo,
  done: (code: number) => void,
): void {
  const command = program
    .command("lint")
    .summary("lint Dockerfiles with hadolint and checks LZY002, LZY003")
    .description(
      "lint Dockerfiles with hadolint and the project's .hadolint.yaml, and with the built-in checks LZY002 and LZY003 (the others need a generated image's model)",
    )
    .argument("<files...>", "Dockerfiles to lint")
    .option("--hadolint <path>", HADOLINT_OPTION_HELP)
    .addOption(failureThresholdOption())
    .addOption(lintTimeoutOption());
  command.action(async (files: string[], options: HadolintCliOptions) => {
    done(await lint(files, options, io));
  });
}

/** Runs `lint` and returns its exit code: 1 when a finding reaches the threshold. */
export async function lint(
  files: readonly string[],
  options: HadolintCliOptions,
  io: CliIo,
): Promise<number> {
  for (const file of files) {
    await requireFile(file, io.cwd);
  }
  const hadolint = await findHadolint(options, io);
  // hadolint reports the absolute paths it was given; show them as typed.
  const typed = new Map(files.map((file) => [resolve(io.cwd, file), file]));
  const reported = await withHadolint(() =>
    lintFiles([...typed.keys()], {
      hadolint,
      env: process.env,
      timeoutMs: lintTimeoutMs(options),
    }),
  );
  const findings = sortFindings(
    reported.map((finding) => ({
      ...finding,
      file: typed.get(finding.file) ?? finding.file,
    })),
  );

  const threshold = options.failureThreshold ?? DEFAULT_THRESHOLD;
  const failing = printFindings(findings, io.stdout, threshold);
  if (failing > 0) {
    io.stderr(
      `${failing} finding${failing === 1 ? "" : "s"} at level ${threshold} or above\n`,
    );
    return 1;
  }
  return 0;
}

async function requireFile(file: string, cwd: string): Promise<void> {
  let isFile: boolean;
  try {
    isFile = (await stat(resolve(cwd, file))).isFile();
  } catch {
    throw new CliError(`Dockerfile not found: ${file}`, 2);
  }
  if (!isFile) {
    throw new CliError(`not a file: ${file}; give the path of a Dockerfile`, 2);
  }
}
