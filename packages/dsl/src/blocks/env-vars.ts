/**
 * env-vars: sets environment variables in the image with `ENV name=value`.
 * Values are literal: `$`, quotes and backslashes reach the image unchanged.
 *
 * @example envVars({ vars: { PYTHONUNBUFFERED: "1" } })
 */
import { z } from "zod";

import { defineBlock, type LayerSpec } from "../model/block.js";
import { EnvName, SingleLine } from "./support/schemas.js";

export const EnvVarsOptions = z.strictObject({
  /** Variables in the order given; values are taken literally. */
  vars: z
    .record(EnvName, SingleLine)
    .refine(
      (vars) => Object.keys(vars).length > 0,
      "set at least one variable",
    ),
});

export type EnvVarsOptions = z.input<typeof EnvVarsOptions>;

export const envVarsBlock = defineBlock({
  name: "env-vars",
  schema: EnvVarsOptions,
  apply(options, context) {
    const vars = Object.entries(options.vars).map(([name, value]) => ({
      name,
      value,
    }));
    context.emit({ kind: "ENV", vars });
    for (const variable of vars) {
      context.state.env.set(variable.name, variable.value);
    }
  },
});

/** Sets environment variables. */
export function envVars(
  options: EnvVarsOptions,
): LayerSpec<"env-vars", EnvVarsOptions> {
  return { block: "env-vars", options };
}
