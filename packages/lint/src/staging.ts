/**
 * The temporary folders that lint stages rendered Dockerfiles in, and the
 * hadolint processes that read them. Each folder is
 * `$TMPDIR/lzy-images-lint-<pid>-<random>`. A run removes its folder when
 * it ends, `abortLintRuns` removes it on a signal, and the next run
 * removes folders whose process is gone, such as one killed with SIGKILL.
 */
import type { ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Name prefix of a lint staging folder in the system's temporary folder. */
export const LINT_STAGING_PREFIX = "lzy-images-lint-";

const activeFolders = new Set<string>();
const activeProcesses = new Set<ChildProcess>();

/**
 * Creates a staging folder, after removing those of dead processes, and
 * returns its path. Pass it to `removeStagingFolder` when done.
 */
export async function createStagingFolder(): Promise<string> {
  await removeDeadStagingFolders();
  const folder = await mkdtemp(
    join(tmpdir(), `${LINT_STAGING_PREFIX}${process.pid}-`),
  );
  activeFolders.add(folder);
  return folder;
}

/** Removes a folder made by `createStagingFolder`. */
export async function removeStagingFolder(folder: string): Promise<void> {
  activeFolders.delete(folder);
  await rm(folder, { recursive: true, force: true });
}

/** Records a running hadolint, so that `abortLintRuns` can stop it. */
export function trackProcess(child: ChildProcess): () => void {
  activeProcesses.add(child);
  return () => activeProcesses.delete(child);
}

/**
 * Kills the process group of a hadolint started with `detached: true`, so
 * that the processes a wrapper (npx, a shell script) started die with it.
 */
export function killProcessGroup(child: ChildProcess): void {
  if (child.pid === undefined) {
    return;
  }
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // The group has exited already.
  }
}

/**
 * Stops running hadolint processes and removes staging folders at once.
 * It is synchronous, so a signal handler can call it before the process
 * exits.
 */
export function abortLintRuns(): void {
  for (const child of activeProcesses) {
    killProcessGroup(child);
  }
  activeProcesses.clear();
  for (const folder of activeFolders) {
    rmSync(folder, { recursive: true, force: true });
  }
  activeFolders.clear();
}

/** Removes staging folders left by processes that no longer exist. */
async function removeDeadStagingFolders(): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(tmpdir());
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.startsWith(LINT_STAGING_PREFIX)) {
      continue;
    }
    const pid = Number.parseInt(entry.slice(LINT_STAGING_PREFIX.length), 10);
    if (isAlive(pid)) {
      continue;
    }
    // Another user's folder cannot be removed, and is not ours to remove.
    await rm(join(tmpdir(), entry), { recursive: true, force: true }).catch(
      () => undefined,
    );
  }
}

/** Returns true when process `pid` exists; false for a name without a pid. */
function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) {
    return false;
  }
  if (pid === process.pid) {
    return true;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
