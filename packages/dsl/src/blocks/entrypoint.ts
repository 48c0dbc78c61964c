/**
 * entrypoint and command: set `ENTRYPOINT` and `CMD` in exec form, written
 * by a JSON encoder, so that the process runs as PID 1 and gets signals.
 *
 * @example entrypoint({ argv: ["/entrypoint.sh"] })
 */
import { z } from "zod";

import { defineBlock, type LayerSpec } from "../model/block.js";
import { SingleLine } from "./support/schemas.js";

export const ExecFormOptions = z.strictObject({
  /** Program and arguments, each as one element; no shell is involved. */
  argv: z
    .array(SingleLine)
    .min(1, "give at least the program to run")
    .superRefine((argv, context) => {
      if (argv[0] === "") {
        context.addIssue({
          code: "custom",
          path: [0],
          input: argv[0],
          message:
            "the program is empty: give its name or path, such as `python`",
        });
      }
    }),
});

export type ExecFormOptions = z.input<typeof ExecFormOptions>;

export const entrypointBlock = defineBlock({
  name: "entrypoint",
  schema: ExecFormOptions,
  label: (options) => options.argv[0],
  apply(options, context) {
    context.emit({ kind: "ENTRYPOINT", argv: options.argv });
  },
});

export const commandBlock = defineBlock({
  name: "command",
  schema: ExecFormOptions,
  label: (options) => options.argv[0],
  apply(options, context) {
    context.emit({ kind: "CMD", argv: options.argv });
  },
});

/** Sets the image's ENTRYPOINT in exec form. */
export function entrypoint(
  options: ExecFormOptions,
): LayerSpec<"entrypoint", ExecFormOptions> {
  return { block: "entrypoint", options };
}

/** Sets the image's CMD in exec form. */
export function command(
  options: ExecFormOptions,
): LayerSpec<"command", ExecFormOptions> {
  return { block: "command", options };
}
