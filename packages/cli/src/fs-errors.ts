/**
 * Turns the file system errors a user can cause and fix into CliErrors:
 * a folder without write permission, a path below a file, a full disk.
 * They exit 2 with the path and the fix instead of a stack trace.
 */
import { CliError } from "./errors.js";

/** Fix to suggest for each expected error code. */
const FIXES: Readonly<Record<string, string>> = {
  EACCES:
    "check the permissions of that path, or choose a path you can write to",
  EPERM:
    "check the permissions and owner of that path, or choose a path you can write to",
  ENOTDIR: "choose a path whose parent folders are all directories",
  EEXIST: "remove or rename what is in the way, or choose another path",
  EISDIR: "that path is a directory; give a file path instead",
  ENOSPC: "free space on that file system, or choose a path on another one",
  EROFS: "that file system is read-only; choose a path on a writable one",
};

/**
 * Returns a CliError (exit 2) for an expected file system error, naming
 * the path, what failed and the fix; returns undefined for anything else.
 * Paths are shown as the operating system reported them.
 */
export function fileSystemError(error: unknown): CliError | undefined {
  if (!(error instanceof Error)) {
    return undefined;
  }
  const { code, path, dest, syscall } = error as NodeJS.ErrnoException & {
    dest?: string;
  };
  // A temporary folder is made below TMPDIR (or below the output
  // directory, which generate creates), so ENOENT there means TMPDIR.
  const fix =
    code === "ENOENT" && syscall === "mkdtemp"
      ? "that folder does not exist; create it, or set TMPDIR to an existing folder"
      : code === undefined
        ? undefined
        : FIXES[code];
  if (fix === undefined || path === undefined) {
    return undefined;
  }
  const target = dest === undefined ? path : `${path} -> ${dest}`;
  const reason = error.message.replace(/^\w+: /, "").replace(/, .*$/, "");
  const cliError = new CliError(
    `${syscall ?? "file operation"} failed on ${target}: ${reason} (${code}); ${fix}`,
  );
  cliError.cause = error;
  return cliError;
}
