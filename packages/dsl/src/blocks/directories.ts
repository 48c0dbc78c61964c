/**
 * directories: creates directories in the image.
 *
 * @example directories({ paths: ["/tmp/resources"] })
 */
import { z } from "zod";

import { defineBlock, type LayerSpec } from "../model/block.js";
import { shellCommand } from "../quoting/shell.js";
import { FileMode, ImagePath } from "./support/schemas.js";

export const DirectoriesOptions = z.strictObject({
  /** Absolute paths; parents are created as needed. */
  paths: z.array(ImagePath).min(1, "list at least one path"),
  /** Octal mode set on each listed directory; default: the umask's (usually 0755). */
  mode: FileMode.optional(),
});

export type DirectoriesOptions = z.input<typeof DirectoriesOptions>;

export const directoriesBlock = defineBlock({
  name: "directories",
  schema: DirectoriesOptions,
  needsRoot: (options, user) =>
    options.paths.some((path) => !isWritableBy(path, user)),
  apply(options, context) {
    const commands = [shellCommand("mkdir", "-p", ...options.paths)];
    // `mkdir -p -m` would set the mode of the last path component only.
    if (options.mode !== undefined) {
      commands.push(shellCommand("chmod", options.mode, ...options.paths));
    }
    context.emit({ kind: "RUN", commands });
  },
});

/**
 * Returns whether a non-root user can create `path`: under `/tmp`,
 * `/var/tmp` or the user's default home. Other parents are owned by root.
 * NOTE: a `user` with another `home` is rejected there too, because the
 * image state records only the user's name.
 */
function isWritableBy(path: string, user: string): boolean {
  return ["/tmp", "/var/tmp", `/home/${user}`].some((dir) =>
    path.startsWith(`${dir}/`),
  );
}

/** Creates directories. */
export function directories(
  options: DirectoriesOptions,
): LayerSpec<"directories", DirectoriesOptions> {
  return { block: "directories", options };
}
