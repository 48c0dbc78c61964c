/**
 * conda-env: creates a conda environment with a pinned Python and `pip`,
 * then installs conda packages and pip requirements into it. pip runs as
 * the env's own interpreter (`<env>/bin/python -m pip`), never as whatever
 * `pip` comes first on `PATH`.
 *
 * @example condaEnv({ name: "py39", python: "3.9.7", pip: ["catboost>=1.0.3"] })
 */
import { z } from "zod";

import { defineBlock, type LayerSpec } from "../model/block.js";
import { shellCommand } from "../quoting/shell.js";
import { checkPythonRanges } from "../validation/python-ranges.js";
import {
  CondaEnvName,
  CondaPackage,
  PipRequirement,
  PythonVersion,
} from "./support/schemas.js";

export const CondaEnvOptions = z.strictObject({
  /** Env name; the env lives in `<conda prefix>/envs/<name>`. */
  name: CondaEnvName,
  /** Full Python version, such as `3.9.7`. */
  python: PythonVersion,
  /** Extra conda packages, such as `numpy=1.26.4`. Default none. */
  conda: z.array(CondaPackage).default([]),
  /** pip requirements in PEP 508 form, such as `catboost>=1.0.3`. Default none. */
  pip: z.array(PipRequirement).default([]),
});

export type CondaEnvOptions = z.input<typeof CondaEnvOptions>;

export const condaEnvBlock = defineBlock({
  name: "conda-env",
  needsRoot: true,
  schema: CondaEnvOptions,
  label: (options) => options.name,
  apply(options, context) {
    const conda = context.state.conda;
    if (conda === undefined) {
      context.problem(
        "",
        "a conda env needs conda",
        undefined,
        "add a miniconda layer before this one",
      );
      return;
    }
    if (conda.envs.has(options.name)) {
      context.problem(
        "name",
        "conda env already exists in this image or its base",
        options.name,
        "choose another name",
      );
      return;
    }

    checkPythonRanges(context, "pip", options.pip, options);
    checkPythonRanges(context, "conda", options.conda, options);

    const prefix = `${conda.prefix}/envs/${options.name}`;
    const channels = conda.channels.flatMap((channel) => ["-c", channel]);
    const commands = [
      shellCommand(
        "conda",
        "create",
        "-y",
        "-n",
        options.name,
        "--override-channels",
        ...channels,
        `python=${options.python}`,
        "pip",
        ...options.conda,
      ),
    ];
    if (options.pip.length > 0) {
      commands.push(
        shellCommand(
          `${prefix}/bin/python`,
          "-m",
          "pip",
          "install",
          "--no-cache-dir",
          ...options.pip,
        ),
      );
    }
    commands.push("conda clean -afy");
    context.emit({ kind: "RUN", commands });

    const packages = new Map<string, string>([["python", options.python]]);
    for (const requirement of [...options.conda, ...options.pip]) {
      const name = /^[A-Za-z0-9_.-]+/.exec(requirement)?.[0] ?? requirement;
      packages.set(name.toLowerCase(), requirement);
    }
    conda.envs.set(options.name, {
      name: options.name,
      prefix,
      python: options.python,
      packages,
    });
  },
});

/** Creates a conda env with a pinned Python. */
export function condaEnv(
  options: CondaEnvOptions,
): LayerSpec<"conda-env", CondaEnvOptions> {
  return { block: "conda-env", options };
}
