/**
 * workdir: sets the working directory of later steps and of the container
 * with `WORKDIR`, which creates the directory when it is missing.
 *
 * @example workdir({ path: "/home/analyst/work" })
 */
import { z } from "zod";

import { defineBlock, type LayerSpec } from "../model/block.js";
import { ImagePath } from "./support/schemas.js";

export const WorkdirOptions = z.strictObject({
  /** Absolute path in the image. */
  path: ImagePath,
});

export type WorkdirOptions = z.input<typeof WorkdirOptions>;

export const workdirBlock = defineBlock({
  name: "workdir",
  schema: WorkdirOptions,
  label: (options) => options.path,
  apply(options, context) {
    context.emit({ kind: "WORKDIR", path: options.path });
    context.state.workdir = options.path;
  },
});

/** Sets the working directory. */
export function workdir(
  options: WorkdirOptions,
): LayerSpec<"workdir", WorkdirOptions> {
  return { block: "workdir", options };
}
