/**
 * context-script: renders a file from a template into the build context
 * and copies it into the image, so that scripts the image runs are owned
 * by the generator and reviewed next to the Dockerfile.
 *
 * @example contextScript({ name: "entrypoint.sh", template: "lzy/worker-entrypoint.sh", dest: "/entrypoint.sh" })
 */
import { z } from "zod";

import { defineBlock, type LayerSpec } from "../model/block.js";
import { FileMode, ImagePath } from "./support/schemas.js";

export const ContextScriptOptions = z.strictObject({
  /** File name in the image's folder of the build context. */
  name: z
    .string()
    .regex(
      /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/,
      "invalid file name: expected a plain name such as `entrypoint.sh`",
    ),
  /** Template under `templates/context/`, without the `.hbs` extension. */
  template: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9_./-]*$/,
      "invalid template name: expected a path such as `lzy/worker-entrypoint.sh`",
    )
    .refine(
      (name) => !name.split("/").includes(".."),
      "a template name cannot contain `..`: templates live under templates/context/",
    ),
  /** Values the template reads. */
  data: z.record(z.string(), z.unknown()).default({}),
  /** Path of the file in the image. */
  dest: ImagePath,
  /** Octal mode in the image. Default `0755`. */
  mode: FileMode.default("0755"),
});

export type ContextScriptOptions = z.input<typeof ContextScriptOptions>;

export const contextScriptBlock = defineBlock({
  name: "context-script",
  schema: ContextScriptOptions,
  label: (options) => options.name,
  apply(options, context) {
    const path = context.contextFile({
      name: options.name,
      mode: Number.parseInt(options.mode, 8),
      template: options.template,
      data: options.data,
    });
    context.emit({
      kind: "COPY",
      sources: [path],
      dest: options.dest,
      chmod: options.mode,
    });
  },
});

/** Generates a script into the build context and copies it into the image. */
export function contextScript(
  options: ContextScriptOptions,
): LayerSpec<"context-script", ContextScriptOptions> {
  return { block: "context-script", options };
}
