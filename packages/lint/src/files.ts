/**
 * Lints Dockerfiles given by path, such as hand-written ones, with one
 * hadolint run and the built-in checks that work on Dockerfile text
 * (LZY002, LZY003). Their lines have no provenance.
 */
import { readFile } from "node:fs/promises";

import { checkDockerfileText } from "./dockerfile-checks.js";
import { sortFindings, type Finding } from "./finding.js";
import { runHadolint } from "./hadolint.js";
import type { HadolintCommand } from "./locate.js";

export interface LintFilesOptions {
  readonly hadolint: HadolintCommand;
  /** Environment for hadolint; its `HADOLINT_*` variables are dropped. */
  readonly env: NodeJS.ProcessEnv;
  /** Policy file. Default: the repository's `.hadolint.yaml`. */
  readonly config?: string | undefined;
  /** Milliseconds hadolint may run. Default: DEFAULT_HADOLINT_TIMEOUT_MS. */
  readonly timeoutMs?: number | undefined;
}

/**
 * Returns the findings of hadolint and of the text checks for `paths`,
 * with the paths as given, sorted.
 */
export async function lintFiles(
  paths: readonly string[],
  options: LintFilesOptions,
): Promise<Finding[]> {
  const fromChecks: Finding[] = [];
  for (const path of paths) {
    fromChecks.push(...checkDockerfileText(path, await readFile(path, "utf8")));
  }
  const fromHadolint = await runHadolint(options.hadolint, paths, options);
  return sortFindings([
    ...fromChecks,
    ...fromHadolint.map((finding) => ({
      file: finding.file,
      line: finding.line,
      code: finding.code,
      level: finding.level,
      message: finding.message,
    })),
  ]);
}
