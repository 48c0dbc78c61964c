/**
 * Lint findings, from hadolint and from the built-in checks alike, located
 * by file and line and, for generated files, by image and building block.
 */
import type { Provenance } from "@lzy-images/dsl";

/** Severity levels as hadolint names them, most severe first. */
export const LEVELS = ["error", "warning", "info", "style"] as const;

export type Level = (typeof LEVELS)[number];

/** hadolint's own default failure threshold. */
export const DEFAULT_THRESHOLD: Level = "info";

export interface Finding {
  /** Path of the Dockerfile as shown to the user. */
  readonly file: string;
  /** 1-based line number. */
  readonly line: number;
  /** Rule code, such as `DL3003` (hadolint) or `LZY001` (built-in check). */
  readonly code: string;
  readonly level: Level;
  readonly message: string;
  /** Image and building block that wrote the line, for generated files. */
  readonly source?: Provenance | undefined;
}

/**
 * Formats a finding as `<file>:<line> <code> <level> <message>`, followed by
 * `(image worker-base, block conda-env py39)` when its provenance is known.
 */
export function formatFinding(finding: Finding): string {
  const text = `${finding.file}:${finding.line} ${finding.code} ${finding.level} ${finding.message}`;
  const source = finding.source;
  if (source === undefined) {
    return text;
  }
  const block =
    source.label === undefined
      ? source.block
      : `${source.block} ${source.label}`;
  return `${text} (image ${source.image}, block ${block})`;
}

/** Returns true when `level` is as severe as `threshold` or more. */
export function reachesThreshold(level: Level, threshold: Level): boolean {
  return LEVELS.indexOf(level) <= LEVELS.indexOf(threshold);
}

/** Sorts findings by file, then line, then code. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      a.line - b.line ||
      compareText(a.code, b.code),
  );
}

function compareText(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}
