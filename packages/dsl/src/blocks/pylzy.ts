/**
 * pylzy: installs Lzy's Python client from its source tree in the build
 * context into conda envs: its requirements first, then its build step
 * (which generates the protobuf stubs), then the package itself. Every env
 * must have a Python that pylzy's supported range admits.
 *
 * @example pylzy({ version: "1.15.0", source: "inputs/pylzy" })
 */
import { z } from "zod";

import { defineBlock, type LayerSpec } from "../model/block.js";
import { shellCommand } from "../quoting/shell.js";
import { didYouMean, joinHints } from "../validation/suggest.js";
import { knownPythonRange, pythonAdmits } from "../python/package-ranges.js";
import {
  CondaEnvName,
  ContextPath,
  ImagePath,
  Version,
  VersionRange,
} from "./support/schemas.js";

export const PylzyOptions = z.strictObject({
  /** pylzy release in the source tree, such as `1.15.0`. */
  version: Version,
  /**
   * Supported Python versions as a semver range. Default: the published
   * range of `version` (`>=3.8.0` for 1.15.0); required for other versions.
   */
  pythonRange: VersionRange.optional(),
  /**
   * Envs to install into: `all` (default) fails on an env the range does
   * not admit, `compatible` skips such envs, or a list of env names.
   */
  envs: z
    .union([z.enum(["all", "compatible"]), z.array(CondaEnvName).min(1)])
    .default("all"),
  /** pylzy source tree in the build context. Default `inputs/pylzy`. */
  source: ContextPath.default("inputs/pylzy"),
  /** Folder in the image that the source tree is copied to. Default `/tmp/pylzy`. */
  workdir: ImagePath.default("/tmp/pylzy"),
  /** Requirements file inside the tree, installed first; null for none. */
  requirements: z
    .string()
    .regex(/^[A-Za-z0-9_./-]+$/)
    .nullable()
    .default("requirements.txt"),
  /** Build script inside the tree, run before install; null for none. */
  buildScript: z
    .string()
    .regex(/^[A-Za-z0-9_./-]+$/)
    .nullable()
    .default("gen_proto.sh"),
});

export type PylzyOptions = z.input<typeof PylzyOptions>;

export const pylzyBlock = defineBlock({
  name: "pylzy",
  needsRoot: true,
  schema: PylzyOptions,
  label: (options) => options.version,
  apply(options, context) {
    const conda = context.state.conda;
    if (conda === undefined) {
      context.problem(
        "",
        "pylzy is installed into conda envs and needs conda",
        undefined,
        "add a miniconda layer before this one",
      );
      return;
    }
    const range =
      options.pythonRange ?? knownPythonRange("pylzy", options.version)?.python;
    if (range === undefined) {
      context.problem(
        "pythonRange",
        `the supported Python range of pylzy ${options.version} is not known`,
        undefined,
        'set pythonRange, such as ">=3.8.0"',
      );
      return;
    }

    const targets = selectEnvs(options.envs, [...conda.envs.keys()]);
    const chosen = [];
    for (const name of targets) {
      const env = conda.envs.get(name);
      // With a list of envs, point at the entry that names this one.
      const field = Array.isArray(options.envs)
        ? `envs[${options.envs.indexOf(name)}]`
        : "envs";
      if (env === undefined) {
        context.problem(
          field,
          `conda env "${name}" does not exist`,
          name,
          joinHints(
            didYouMean(name, conda.envs.keys()),
            `existing envs: ${[...conda.envs.keys()].join(", ")}`,
          ),
        );
        continue;
      }
      if (pythonAdmits(range, env.python)) {
        chosen.push(env);
      } else if (options.envs !== "compatible") {
        context.problem(
          field,
          `conda env "${env.name}" has Python ${env.python}, but pylzy ${options.version} requires Python ${range}`,
          env.name,
          'drop that env, or install pylzy only into envs whose Python the range admits (envs: "compatible")',
        );
      }
    }
    if (chosen.length === 0) {
      context.problem(
        "envs",
        `no conda env has a Python that pylzy ${options.version} supports (${range})`,
      );
      return;
    }

    context.externalInput(
      options.source,
      `the pylzy ${options.version} source tree`,
    );
    context.emit({
      kind: "COPY",
      sources: [`${options.source}/`],
      dest: `${options.workdir}/`,
    });
    context.emit(
      { kind: "WORKDIR", path: options.workdir },
      { comments: ["The build script runs from the root of the source tree."] },
    );
    for (const env of chosen) {
      const python = `${env.prefix}/bin/python`;
      const commands: string[] = [];
      if (options.requirements !== null) {
        commands.push(
          shellCommand(
            python,
            "-m",
            "pip",
            "install",
            "--no-cache-dir",
            "-r",
            options.requirements,
          ),
        );
      }
      if (options.buildScript !== null) {
        // The env's bin comes first so that the script's `python` is the env's.
        commands.push(
          `PATH=${shellCommand(`${env.prefix}/bin`)}:"$PATH" bash ${shellCommand(options.buildScript)}`,
        );
      }
      commands.push(
        shellCommand(python, "-m", "pip", "install", "--no-cache-dir", "."),
      );
      context.emit(
        { kind: "RUN", commands },
        { comments: [`pylzy ${options.version} into ${env.name}.`] },
      );
      env.packages.set("pylzy", options.version);
    }
    context.emit({ kind: "WORKDIR", path: context.state.workdir });
  },
});

function selectEnvs(
  envs: "all" | "compatible" | string[],
  existing: string[],
): string[] {
  return envs === "all" || envs === "compatible" ? existing : envs;
}

/** Installs pylzy from source into conda envs. */
export function pylzy(options: PylzyOptions): LayerSpec<"pylzy", PylzyOptions> {
  return { block: "pylzy", options };
}
