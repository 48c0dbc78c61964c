/**
 * context-script: renders a file from a template into the build context
 * and copies it into the image, so that scripts the image runs are owned
 * by the generator and reviewed next to the Dockerfile.
 *
 * @example contextScript({ name: "entrypoint.sh", template: "lzy/worker-entrypoint.sh", dest: "/entrypoint.sh" })
 */
import { z } from "zod";

import { defineBlock, type LayerSpec } from "../model/block.js";
import { TEMPLATE_DATA } from "../validation/template-data.js";
import { defaultIssueMessages } from "../validation/zod-issues.js";
import { FileMode, ImagePath } from "./support/schemas.js";

export const ContextScriptOptions = z
  .strictObject({
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
    /**
     * Values the template reads, checked against the template's data schema
     * in `validation/template-data.ts`.
     */
    data: z.record(z.string(), z.unknown()).default({}),
    /** Path of the file in the image. */
    dest: ImagePath,
    /** Octal mode in the image. Default `0755`. */
    mode: FileMode.default("0755"),
  })
  .superRefine(checkTemplateData);

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

/**
 * Reports every value of `data` that the template's schema rejects, at its
 * path under `data`, so that a wrong value fails validation instead of
 * reaching a script or failing inside the template engine.
 *
 * NOTE: a template from an extra template folder has no schema here, so
 * its data is passed to it unchecked.
 */
function checkTemplateData(
  options: { template: string; data: Record<string, unknown> },
  context: z.RefinementCtx,
): void {
  const schema = TEMPLATE_DATA.get(options.template);
  if (schema === undefined) {
    return;
  }
  const parsed = schema.safeParse(options.data, {
    error: defaultIssueMessages,
  });
  if (parsed.success) {
    return;
  }
  for (const issue of parsed.error.issues) {
    if (issue.code === "unrecognized_keys") {
      const allowed = Object.keys((schema as z.ZodObject).shape ?? {}).join(
        ", ",
      );
      for (const key of issue.keys) {
        context.addIssue({
          code: "custom",
          path: ["data", ...issue.path, key],
          message: `unknown data for template ${options.template}: remove it, or use one of ${allowed}`,
          input: key,
        });
      }
      continue;
    }
    context.addIssue({
      code: "custom",
      path: ["data", ...issue.path],
      message: issue.message,
      input: valueAt(options.data, issue.path),
    });
  }
}

/** Returns the value at `path` inside `data`, to show as received. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
  }
  return value;
}

/** Generates a script into the build context and copies it into the image. */
export function contextScript(
  options: ContextScriptOptions,
): LayerSpec<"context-script", ContextScriptOptions> {
  return { block: "context-script", options };
}
