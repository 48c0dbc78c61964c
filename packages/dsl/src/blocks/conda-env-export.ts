/**
 * conda-env-export: writes `conda env export` of each env into a file in
 * the env's prefix, so that tools in the image can read what each env contains
 * without running conda.
 *
 * @example condaEnvExport({ file: "conda-desc.yaml" })
 */
import { z } from "zod";

import { defineBlock, type LayerSpec } from "../model/block.js";
import { shellCommand } from "../quoting/shell.js";
import { didYouMean, joinHints } from "../validation/suggest.js";
import { CondaEnvName } from "./support/schemas.js";

export const CondaEnvExportOptions = z.strictObject({
  /** File name written into each env's prefix. Default `conda-desc.yaml`. */
  file: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/, "invalid file name")
    .default("conda-desc.yaml"),
  /** Envs to export: `all` (default) or a list of env names. */
  envs: z
    .union([z.literal("all"), z.array(CondaEnvName).min(1)])
    .default("all"),
});

export type CondaEnvExportOptions = z.input<typeof CondaEnvExportOptions>;

export const condaEnvExportBlock = defineBlock({
  name: "conda-env-export",
  needsRoot: true,
  schema: CondaEnvExportOptions,
  label: (options) => options.file,
  apply(options, context) {
    const conda = context.state.conda;
    if (conda === undefined) {
      context.problem(
        "",
        "exporting conda envs needs conda",
        undefined,
        "add a miniconda layer before this one",
      );
      return;
    }
    const names =
      options.envs === "all" ? [...conda.envs.keys()] : options.envs;
    const commands: string[] = [];
    for (const name of names) {
      const env = conda.envs.get(name);
      if (env === undefined) {
        context.problem(
          "envs",
          `conda env "${name}" does not exist`,
          name,
          joinHints(
            didYouMean(name, conda.envs.keys()),
            `existing envs: ${[...conda.envs.keys()].join(", ")}`,
          ),
        );
        continue;
      }
      commands.push(
        `${shellCommand("conda", "env", "export", "-n", name)} > ${shellCommand(`${env.prefix}/${options.file}`)}`,
      );
    }
    if (commands.length > 0) {
      context.emit({ kind: "RUN", commands });
    }
  },
});

/** Writes `conda env export` of every env into its prefix. */
export function condaEnvExport(
  options: CondaEnvExportOptions = {},
): LayerSpec<"conda-env-export", CondaEnvExportOptions> {
  return { block: "conda-env-export", options };
}
