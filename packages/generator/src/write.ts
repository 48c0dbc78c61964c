/**
 * Writes output files so that a failed run never leaves a half-written
 * file: everything is first written to a temporary folder inside the
 * output directory (same filesystem), then each file is renamed into place.
 */
import { chmod, mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

import type { OutputFile } from "./family.js";

/** Writes `files` under `outDir`, creating folders as needed. */
export async function writeOutput(
  outDir: string,
  files: readonly OutputFile[],
): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const staging = await mkdtemp(join(outDir, ".lzy-images-"));
  try {
    for (const file of files) {
      const staged = join(staging, file.path);
      await mkdir(dirname(staged), { recursive: true });
      await writeFile(staged, file.content, { mode: file.mode });
      // writeFile's mode is filtered by the umask; set it exactly.
      await chmod(staged, file.mode);
    }
    for (const file of files) {
      const target = join(outDir, file.path);
      await mkdir(dirname(target), { recursive: true });
      await rename(join(staging, file.path), target);
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
