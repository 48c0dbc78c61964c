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
  /** Octal mode for the directories; default: the umask's (usually 0755). */
  mode: FileMode.optional(),
});

export type DirectoriesOptions = z.input<typeof DirectoriesOptions>;

export const directoriesBlock = defineBlock({
  name: "directories",
  schema: DirectoriesOptions,
  apply(options, context) {
    const mode = options.mode === undefined ? [] : ["-m", options.mode];
    context.emit({
      kind: "RUN",
      commands: [shellCommand("mkdir", "-p", ...mode, ...options.paths)],
    });
  },
});

/** Creates directories. */
export function directories(
  options: DirectoriesOptions,
): LayerSpec<"directories", DirectoriesOptions> {
  return { block: "directories", options };
}
