/**
 * Lints Dockerfiles given by path, such as hand-written ones, with one
 * hadolint run. Their lines have no provenance.
 */
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

/** Returns hadolint's findings for `paths`, shown as given, sorted. */
export async function lintFiles(
  paths: readonly string[],
  options: LintFilesOptions,
): Promise<Finding[]> {
  const findings = await runHadolint(options.hadolint, paths, options);
  return sortFindings(
    findings.map((finding) => ({
      file: finding.file,
      line: finding.line,
      code: finding.code,
      level: finding.level,
      message: finding.message,
    })),
  );
}
