/**
 * copy-files: copies files that come from outside the generator (a built
 * jar, a source tree) from the build context into the image. Each source
 * is declared as an external input of the image.
 *
 * @example copyFiles({ sources: ["inputs/worker/app.jar"], dest: "/app/app.jar" })
 */
import { z } from "zod";

import { defineBlock, type LayerSpec } from "../model/block.js";
import { ContextPath, FileMode, ImagePath } from "./support/schemas.js";

export const CopyFilesOptions = z.strictObject({
  /** Paths relative to the build context. */
  sources: z.array(ContextPath).min(1, "list at least one source"),
  /** Destination in the image; end it with `/` to copy into a directory. */
  dest: ImagePath,
  /** Octal mode for the copied files (BuildKit `--chmod`). */
  mode: FileMode.optional(),
  /** Owner as `user[:group]` (`--chown`). */
  owner: z
    .string()
    .regex(
      /^[A-Za-z0-9_.-]+(?::[A-Za-z0-9_.-]+)?$/,
      "invalid owner: expected `user` or `user:group`",
    )
    .optional(),
});

export type CopyFilesOptions = z.input<typeof CopyFilesOptions>;

export const copyFilesBlock = defineBlock({
  name: "copy-files",
  schema: CopyFilesOptions,
  label: (options) => options.dest,
  apply(options, context) {
    if (options.sources.length > 1 && !options.dest.endsWith("/")) {
      context.problem(
        "dest",
        "several sources need a directory destination ending in `/`",
        options.dest,
        `use "${options.dest}/"`,
      );
      return;
    }
    for (const source of options.sources) {
      context.externalInput(source, `copied to ${options.dest}`);
    }
    context.emit({
      kind: "COPY",
      sources: options.sources,
      dest: options.dest,
      chmod: options.mode,
      chown: options.owner,
    });
  },
});

/** Copies files from the build context. */
export function copyFiles(
  options: CopyFilesOptions,
): LayerSpec<"copy-files", CopyFilesOptions> {
  return { block: "copy-files", options };
}
