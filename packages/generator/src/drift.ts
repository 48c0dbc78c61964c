/**
 * Drift between the files a family renders to and the files on disk: what
 * `check` reports when someone edited a generated file or changed a spec
 * without running `generate`.
 */
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";

import type { OutputFile } from "./family.js";
import { findOrphans } from "./manifest.js";

/**
 * - `stale`: on disk with other content or executable bit;
 * - `missing`: rendered but not on disk;
 * - `extra`: generated earlier, no longer rendered (see `findOrphans`).
 */
export type DriftStatus = "stale" | "missing" | "extra";

export interface FileDrift {
  /** Path relative to the output directory. */
  readonly path: string;
  readonly status: DriftStatus;
  /**
   * Unified diff from the file on disk to the rendered content. It is
   * empty for extra files, and for a file whose mode alone differs.
   */
  readonly diff: string;
  /** Modes on disk and rendered, when their executable bits differ. */
  readonly mode?: { readonly actual: number; readonly expected: number };
}

/**
 * Compares rendered `files` with the files under `outDir`. Returns one
 * entry per file that differs, sorted by path; an empty list means the
 * output directory is up to date.
 */
export async function compareOutput(
  outDir: string,
  files: readonly OutputFile[],
): Promise<FileDrift[]> {
  const drifts: FileDrift[] = [];
  for (const file of files) {
    const drift = await compareFile(outDir, file);
    if (drift !== undefined) {
      drifts.push(drift);
    }
  }
  for (const path of await findOrphans(outDir, files)) {
    drifts.push({ path, status: "extra", diff: "" });
  }
  return drifts.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/**
 * Returns a unified diff of `path` from `actual` (no file when undefined)
 * to `expected`, with `a/` and `b/` prefixes as git writes them. Returns
 * an empty string when the texts are equal.
 */
export async function unifiedDiff(
  path: string,
  actual: string | undefined,
  expected: string,
): Promise<string> {
  if (actual === expected) {
    return "";
  }
  // Loaded here, because only `check` compares text and `generate` should
  // not pay for loading it.
  const { createTwoFilesPatch, FILE_HEADERS_ONLY } = await import("diff");
  return createTwoFilesPatch(
    actual === undefined ? "/dev/null" : `a/${path}`,
    `b/${path}`,
    actual ?? "",
    expected,
    undefined,
    undefined,
    { context: 3, headerOptions: FILE_HEADERS_ONLY },
  );
}

async function compareFile(
  outDir: string,
  file: OutputFile,
): Promise<FileDrift | undefined> {
  const path = join(outDir, file.path);
  let actual: string;
  let mode: number;
  try {
    actual = await readFile(path, "utf8");
    mode = (await stat(path)).mode & 0o777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      throw error;
    }
    return {
      path: file.path,
      status: "missing",
      diff: await unifiedDiff(file.path, undefined, file.content),
    };
  }

  const diff = await unifiedDiff(file.path, actual, file.content);
  // Git records only the executable bit, so only that bit is compared:
  // a fresh clone has 0644 or 0664 depending on the umask.
  const modeDiffers = isExecutable(mode) !== isExecutable(file.mode);
  if (diff === "" && !modeDiffers) {
    return undefined;
  }
  return {
    path: file.path,
    status: "stale",
    diff,
    ...(modeDiffers ? { mode: { actual: mode, expected: file.mode } } : {}),
  };
}

function isExecutable(mode: number): boolean {
  return (mode & 0o100) !== 0;
}
