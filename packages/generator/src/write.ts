/**
 * Writes output files all or nothing. Every file is first written to a
 * staging folder inside the output directory, so on the same filesystem,
 * and checked there. Renaming the staging folder marks the commit. Only
 * then are the files renamed into place, each rename atomic.
 *
 * A run that fails or is killed before the commit leaves the previous
 * output untouched. A run killed during the renames leaves a commit
 * folder. The next run that writes first removes dead runs' staging
 * folders and moves the files of their commit folders into place, so a
 * mix of two runs lasts only until then.
 *
 * NOTE: files are not fsynced, so this covers failed and killed runs, not
 * a power loss.
 */
import {
  chmod,
  mkdir,
  mkdtemp,
  readdir,
  rename,
  rm,
  writeFile,
} from "node:fs/promises";
import { dirname, join, relative } from "node:path";

import { forEachLimit } from "./concurrency.js";
import type { OutputFile } from "./family.js";

/** Name prefix of a folder whose files are still being written. */
export const STAGING_PREFIX = ".lzy-images-staging-";
/** Name prefix of a folder whose files are complete and being moved. */
export const COMMIT_PREFIX = ".lzy-images-commit-";

export interface WriteOptions {
  /**
   * Runs on the complete staged output (such as a linter) before anything
   * is moved into place; if it throws, the output directory is unchanged.
   */
  readonly check?: (stagingDir: string) => Promise<void>;
}

/** Writes `files` under `outDir`, creating folders as needed. */
export async function writeOutput(
  outDir: string,
  files: readonly OutputFile[],
  options: WriteOptions = {},
): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await recoverInterruptedRuns(outDir);

  // The process id in the name lets later runs check whether it is alive.
  const staging = await mkdtemp(
    join(outDir, `${STAGING_PREFIX}${process.pid}-`),
  );
  let committed: string | undefined;
  try {
    await createFolders(files.map((file) => join(staging, file.path)));
    await assertNoDirectoryInTheWay(outDir, files);
    // Files are created with their mode; the umask may remove bits from it
    // (0755 under umask 0077), and only then is chmod needed.
    const umask = process.umask();
    await forEachLimit(files, async (file) => {
      const staged = join(staging, file.path);
      await writeFile(staged, file.content, { mode: file.mode });
      if ((file.mode & ~umask) !== file.mode) {
        await chmod(staged, file.mode);
      }
    });
    await options.check?.(staging);

    committed = join(
      outDir,
      staging.slice(outDir.length + 1).replace(STAGING_PREFIX, COMMIT_PREFIX),
    );
    await rename(staging, committed);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  await moveIntoPlace(committed, outDir);
}

/**
 * Removes staging folders of runs that are no longer alive and finishes
 * the renames of commit folders they left behind.
 */
export async function recoverInterruptedRuns(outDir: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(outDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      return;
    }
    throw error;
  }
  for (const entry of entries) {
    const prefix = [STAGING_PREFIX, COMMIT_PREFIX].find((p) =>
      entry.startsWith(p),
    );
    if (prefix === undefined || isAlive(ownerPid(entry, prefix))) {
      continue;
    }
    const folder = join(outDir, entry);
    if (prefix === COMMIT_PREFIX) {
      await moveIntoPlace(folder, outDir);
    } else {
      await rm(folder, { recursive: true, force: true });
    }
  }
}

/** Renames every file of a commit folder into place, then removes it. */
async function moveIntoPlace(folder: string, outDir: string): Promise<void> {
  const paths = await listFiles(folder);
  const target = (path: string): string => join(outDir, relative(folder, path));
  await createFolders(paths.map(target));
  await forEachLimit(paths, (path) => rename(path, target(path)));
  await rm(folder, { recursive: true, force: true });
}

/** Creates the parent folder of every path, each folder once. */
async function createFolders(paths: readonly string[]): Promise<void> {
  const folders = [...new Set(paths.map((path) => dirname(path)))];
  await forEachLimit(folders, async (folder) => {
    await mkdir(folder, { recursive: true });
  });
}

async function listFiles(folder: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      files.push(...(await listFiles(path)));
    } else {
      files.push(path);
    }
  }
  return files;
}

/**
 * Throws when a file would replace a directory, which a rename cannot do.
 * Reads each target folder once instead of a stat per file.
 */
async function assertNoDirectoryInTheWay(
  outDir: string,
  files: readonly OutputFile[],
): Promise<void> {
  const folders = [...new Set(files.map((file) => dirname(file.path)))];
  const directories = new Set<string>();
  await forEachLimit(folders, async (folder) => {
    const entries = await readdir(join(outDir, folder), {
      withFileTypes: true,
    }).catch(() => []);
    for (const entry of entries) {
      if (entry.isDirectory()) {
        directories.add(join(folder, entry.name));
      }
    }
  });
  const blocked = files.find((file) => directories.has(join(file.path)));
  if (blocked !== undefined) {
    throw new Error(
      `cannot write ${blocked.path}: a directory of that name is in the output directory`,
    );
  }
}

function ownerPid(entry: string, prefix: string): number {
  return Number.parseInt(entry.slice(prefix.length), 10);
}

/** Returns true when process `pid` exists (and is not this process). */
function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) {
    return false;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
