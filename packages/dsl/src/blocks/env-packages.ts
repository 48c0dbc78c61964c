/**
 * env-packages: installs conda packages, pip requirements and requirements
 * files into conda envs that already exist, in the parent image or an
 * earlier layer. conda installs with `conda install -n <env>` and pip runs
 * as the env's own interpreter (`<env>/bin/python -m pip`), never through
 * `conda activate`, which needs a shell that ran `conda init`.
 *
 * @example envPackages({ envs: "all", pip: ["pandas==2.2.2"], requirements: "requirements.txt" })
 */
import { posix } from "node:path";

import { z } from "zod";

import {
  defineBlock,
  type BlockContext,
  type LayerSpec,
} from "../model/block.js";
import type { CondaEnvState, CondaState } from "../model/image-state.js";
import { shellCommand } from "../quoting/shell.js";
import { knownPythonRange, pythonAdmits } from "../python/package-ranges.js";
import {
  CondaEnvName,
  CondaPackage,
  ContextPath,
  PipRequirement,
} from "./support/schemas.js";
import { didYouMean, joinHints } from "../validation/suggest.js";

/** Folder in the image that requirements files are copied to. */
const REQUIREMENTS_DIR = "/tmp/lzy-images";

export const EnvPackagesOptions = z
  .strictObject({
    /** Envs to install into: `all` (every env at this layer) or names. */
    envs: z.union([
      z.literal("all"),
      z.array(CondaEnvName).min(1, "list at least one env, or use `all`"),
    ]),
    /** conda packages, such as `numpy=1.26.4`. Default none. */
    conda: z.array(CondaPackage).default([]),
    /** pip requirements in PEP 508 form, such as `torch==2.3.1`. Default none. */
    pip: z.array(PipRequirement).default([]),
    /** A requirements file in the build context, installed with `pip -r`. */
    requirements: ContextPath.optional(),
    /**
     * Folder of the build context that contains `requirements` and every
     * file it refers to, such as `-r base.txt`, `-c constraints.txt` or
     * `-e ./pkg`. It is copied whole and pip runs in it. Default: the
     * requirements file's folder, or only the file when that folder is the
     * context root, because the root contains every other input too.
     */
    requirementsDir: ContextPath.optional(),
  })
  .refine(
    (options) =>
      options.conda.length > 0 ||
      options.pip.length > 0 ||
      options.requirements !== undefined,
    "give conda packages, pip requirements or a requirements file",
  )
  .superRefine((options, context) => {
    const dir = options.requirementsDir?.replace(/\/+$/, "");
    if (dir === undefined) {
      return;
    }
    if (dir === ".") {
      context.addIssue({
        code: "custom",
        path: ["requirementsDir"],
        input: options.requirementsDir,
        message:
          "requirementsDir cannot be the context root, which holds every other input too: move the requirements and the files they refer to into a folder",
      });
    } else if (!options.requirements?.startsWith(`${dir}/`)) {
      context.addIssue({
        code: "custom",
        path: ["requirementsDir"],
        input: options.requirementsDir,
        message: `requirementsDir must contain the requirements file ${JSON.stringify(options.requirements ?? null)}: set it to the folder of that file, or one above it`,
      });
    }
  });

export type EnvPackagesOptions = z.input<typeof EnvPackagesOptions>;
type Resolved = z.output<typeof EnvPackagesOptions>;

export const envPackagesBlock = defineBlock({
  name: "env-packages",
  schema: EnvPackagesOptions,
  label: (options) =>
    options.envs === "all" ? "all envs" : options.envs.join(","),
  apply(options, context) {
    const conda = context.state.conda;
    const targets = targetEnvs(options, context);
    if (conda === undefined || targets.length === 0) {
      return;
    }
    const requirements = copyRequirements(options, context);
    // One RUN for every env gives one layer, and hadolint's DL3059 reports
    // consecutive RUNs that could be joined.
    context.emit(
      {
        kind: "RUN",
        commands: targets.flatMap((env) =>
          installCommands(conda, env, options, requirements?.file),
        ),
      },
      {
        comments: [
          `Packages into conda env${targets.length > 1 ? "s" : ""} ${targets.map((env) => env.name).join(", ")}.`,
        ],
      },
    );
    if (requirements?.workdir !== undefined) {
      context.emit({ kind: "WORKDIR", path: context.state.workdir });
    }
    for (const env of targets) {
      recordPackages(env, options);
    }
  },
});

/** Path of a copied requirements file in the image, and pip's folder. */
interface CopiedRequirements {
  /** Path given to `pip install -r`. */
  readonly file: string;
  /** Folder set with WORKDIR for pip, when a folder was copied. */
  readonly workdir?: string;
}

/**
 * Copies the requirements file, or its folder, into the image. pip reads
 * `-r` and `-c` includes relative to the file, but local paths such as
 * `-e ./pkg` relative to its working directory, so it runs in the folder.
 */
function copyRequirements(
  options: Resolved,
  context: BlockContext,
): CopiedRequirements | undefined {
  if (options.requirements === undefined) {
    return undefined;
  }
  const dir = (
    options.requirementsDir ?? posix.dirname(options.requirements)
  ).replace(/\/+$/, "");
  if (dir === ".") {
    const file = `${REQUIREMENTS_DIR}/${posix.basename(options.requirements)}`;
    context.externalInput(
      options.requirements,
      "a pip requirements file of the image",
    );
    context.emit({ kind: "COPY", sources: [options.requirements], dest: file });
    return { file };
  }

  const workdir = `${REQUIREMENTS_DIR}/${dir}`;
  context.externalInput(
    dir,
    `a pip requirements folder with ${options.requirements}`,
  );
  context.emit({ kind: "COPY", sources: [`${dir}/`], dest: `${workdir}/` });
  context.emit(
    { kind: "WORKDIR", path: workdir },
    { comments: ["pip resolves local paths in the requirements from here."] },
  );
  return { file: posix.relative(dir, options.requirements), workdir };
}

/** Resolves `envs` and reports missing envs and unsupported Pythons. */
function targetEnvs(options: Resolved, context: BlockContext): CondaEnvState[] {
  const conda = context.state.conda;
  if (conda === undefined) {
    context.problem(
      "",
      "installing into conda envs needs conda",
      undefined,
      "add a miniconda layer, or extend an image that has conda",
    );
    return [];
  }
  if (context.state.user !== "root") {
    context.problem(
      "",
      `the image runs as user "${context.state.user}", who cannot write to the conda envs`,
      undefined,
      "install packages before the layer that switches to that user",
    );
  }
  const names = options.envs === "all" ? [...conda.envs.keys()] : options.envs;
  if (names.length === 0) {
    context.problem("envs", "the image has no conda env to install into");
  }
  const targets: CondaEnvState[] = [];
  names.forEach((name, index) => {
    const env = conda.envs.get(name);
    if (env === undefined) {
      context.problem(
        options.envs === "all" ? "envs" : `envs[${index}]`,
        `conda env "${name}" does not exist`,
        name,
        joinHints(
          didYouMean(name, conda.envs.keys()),
          `existing envs: ${[...conda.envs.keys()].join(", ") || "none"}`,
        ),
      );
      return;
    }
    checkPythonRanges(env, options.pip, context);
    targets.push(env);
  });
  return targets;
}

/**
 * Rejects a pinned requirement whose known supported Python range excludes
 * the env's Python, so the build does not die deep inside pip.
 */
function checkPythonRanges(
  env: CondaEnvState,
  pip: readonly string[],
  context: BlockContext,
): void {
  pip.forEach((requirement, index) => {
    const pin = /^([A-Za-z0-9_.-]+)\s*==\s*([A-Za-z0-9.]+)$/.exec(requirement);
    if (pin === null) {
      return;
    }
    const range = knownPythonRange(pin[1]!, pin[2]!);
    if (range !== undefined && !pythonAdmits(range.python, env.python)) {
      context.problem(
        `pip[${index}]`,
        `conda env "${env.name}" has Python ${env.python}, but ${pin[1]} ${pin[2]} requires Python ${range.python}`,
        requirement,
        "install it only into envs whose Python the range admits",
      );
    }
  });
}

function installCommands(
  conda: CondaState,
  env: CondaEnvState,
  options: Resolved,
  requirements: string | undefined,
): string[] {
  const commands: string[] = [];
  if (options.conda.length > 0) {
    const channels = conda.channels.flatMap((channel) => ["-c", channel]);
    commands.push(
      shellCommand(
        "conda",
        "install",
        "-y",
        "-n",
        env.name,
        "--override-channels",
        ...channels,
        ...options.conda,
      ),
      "conda clean -afy",
    );
  }
  const pip = [`${env.prefix}/bin/python`, "-m", "pip", "install"];
  if (options.pip.length > 0) {
    commands.push(shellCommand(...pip, "--no-cache-dir", ...options.pip));
  }
  if (requirements !== undefined) {
    commands.push(shellCommand(...pip, "--no-cache-dir", "-r", requirements));
  }
  return commands;
}

function recordPackages(env: CondaEnvState, options: Resolved): void {
  for (const requirement of [...options.conda, ...options.pip]) {
    const name = /^[A-Za-z0-9_.-]+/.exec(requirement)?.[0] ?? requirement;
    env.packages.set(name.toLowerCase(), requirement);
  }
}

/** Installs packages into existing conda envs. */
export function envPackages(
  options: EnvPackagesOptions,
): LayerSpec<"env-packages", EnvPackagesOptions> {
  return { block: "env-packages", options };
}
