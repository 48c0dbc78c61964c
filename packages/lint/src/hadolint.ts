/**
 * Runs hadolint once over a set of files and parses its JSON report. The
 * policy comes only from the project's `.hadolint.yaml`, passed explicitly:
 * `HADOLINT_*` variables are removed from hadolint's environment, so a
 * user's shell cannot ignore a rule or lower a level without a trace.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { access } from "node:fs/promises";
import { fileURLToPath } from "node:url";

import { z } from "zod";

import { LEVELS } from "./finding.js";
import type { HadolintCommand } from "./locate.js";
import { killProcessGroup, trackProcess } from "./staging.js";

/**
 * Time one hadolint run may take, in milliseconds. hadolint 2.15.1 lints
 * the six catalog Dockerfiles in well under a second; the margin is for
 * a loaded machine and for the npx wrapper.
 */
export const DEFAULT_HADOLINT_TIMEOUT_MS = 120_000;

/**
 * The policy file: the repository's `.hadolint.yaml` in an lzy-images
 * checkout (recognised by its `pnpm-workspace.yaml`), else the copy that
 * the build puts into this package's `dist/`, so that a stray
 * `node_modules/.hadolint.yaml` is never taken for it.
 */
export const DEFAULT_HADOLINT_CONFIG = fileURLToPath(
  existsSync(new URL("../../../pnpm-workspace.yaml", import.meta.url))
    ? new URL("../../../.hadolint.yaml", import.meta.url)
    : new URL("./.hadolint.yaml", import.meta.url),
);

/** One entry of hadolint's `-f json` report. */
const ReportEntry = z.object({
  code: z.string().min(1),
  column: z.number().int(),
  file: z.string(),
  level: z.enum(LEVELS),
  line: z.number().int().nonnegative(),
  message: z.string(),
});

export type HadolintFinding = z.output<typeof ReportEntry>;

const Report = z.array(ReportEntry);

/** Thrown when hadolint fails to run or its report cannot be read. */
export class HadolintError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "HadolintError";
  }
}

export interface RunHadolintOptions {
  /** Policy file. Default: the repository's `.hadolint.yaml`. */
  readonly config?: string | undefined;
  /** Environment for hadolint; its `HADOLINT_*` variables are dropped. */
  readonly env: NodeJS.ProcessEnv;
  /**
   * Milliseconds after which hadolint is killed and the run fails.
   * Default: DEFAULT_HADOLINT_TIMEOUT_MS.
   */
  readonly timeoutMs?: number | undefined;
}

/**
 * Lints `files` with one hadolint process and returns every finding at any
 * level. A non-zero exit, any output on stderr (hadolint reports a broken
 * policy file there and carries on without it) or a report that is not the
 * expected JSON is an error, never "no findings".
 */
export async function runHadolint(
  hadolint: HadolintCommand,
  files: readonly string[],
  options: RunHadolintOptions,
): Promise<HadolintFinding[]> {
  if (files.length === 0) {
    return [];
  }
  const config = options.config ?? DEFAULT_HADOLINT_CONFIG;
  try {
    await access(config);
  } catch {
    throw new HadolintError(
      `hadolint policy file not found: ${config}; restore .hadolint.yaml at the repository root`,
    );
  }

  // --no-fail makes exit status 0 mean "ran", whatever it found, so any
  // other status is a failure of hadolint itself.
  const args = [
    ...hadolint.prefix,
    "--no-fail",
    "--no-color",
    "--format",
    "json",
    "--config",
    config,
    "--",
    ...files,
  ];
  const toolName = `${hadolint.command} (found by ${hadolint.origin})`;
  const timeoutMs = options.timeoutMs ?? DEFAULT_HADOLINT_TIMEOUT_MS;
  const result = await spawnCollect(
    hadolint.command,
    args,
    withoutHadolintVariables(options.env),
    timeoutMs,
  );
  if (result.timedOut) {
    throw new HadolintError(
      `hadolint ${toolName} timed out after ${timeoutMs / 1000} s and was killed; check that it runs on its own (\`${hadolint.command} --version\`), or allow more time with --lint-timeout SECONDS`,
    );
  }
  if (result.exitCode !== 0) {
    const status =
      result.exitCode === null
        ? `signal ${result.signal}`
        : `exit code ${result.exitCode}`;
    const output = firstLines(result.stderr || result.stdout);
    throw new HadolintError(
      `hadolint ${toolName} failed with ${status}: ${output}`,
    );
  }
  if (result.stderr.trim() !== "") {
    throw new HadolintError(
      `hadolint ${toolName} reported an error: ${firstLines(result.stderr)}`,
    );
  }
  return parseReport(result.stdout, toolName);
}

/** Parses hadolint's JSON report; throws HadolintError on anything else. */
export function parseReport(
  text: string,
  toolName = "hadolint",
): HadolintFinding[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new HadolintError(
      `${toolName} printed a report that is not JSON (${(error as Error).message}): ${firstLines(text)}`,
    );
  }
  const parsed = Report.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join(".") ?? "";
    throw new HadolintError(
      `${toolName} printed an unexpected JSON report: ${path ? `${path}: ` : ""}${issue?.message ?? "invalid"}`,
    );
  }
  return parsed.data;
}

/** Copies `env` without the `HADOLINT_*` variables that hadolint reads. */
export function withoutHadolintVariables(
  env: NodeJS.ProcessEnv,
): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).filter(([name]) => !name.startsWith("HADOLINT_")),
  );
}

interface SpawnResult {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

function spawnCollect(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<SpawnResult> {
  return new Promise((resolvePromise, reject) => {
    // In its own process group, so that a timeout or a signal to the CLI
    // also kills what a wrapper such as npx started, which would otherwise
    // keep the output pipes open.
    const child = spawn(command, args, {
      env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const untrack = trackProcess(child);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killProcessGroup(child);
    }, timeoutMs);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", (error) => {
      clearTimeout(timer);
      untrack();
      reject(
        new HadolintError(
          `failed to start hadolint ${command}: ${error.message}`,
        ),
      );
    });
    child.on("close", (exitCode, signal) => {
      clearTimeout(timer);
      untrack();
      resolvePromise({
        exitCode,
        signal,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
        timedOut,
      });
    });
  });
}

/** Returns the first lines of a tool's output, enough to show what failed. */
function firstLines(text: string, count = 5): string {
  const lines = text.trim().split("\n");
  const toolName = lines.slice(0, count).join("\n");
  return lines.length > count ? `${toolName}\n...` : toolName;
}
