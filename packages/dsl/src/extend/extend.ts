/**
 * `extend()`: an image built FROM a published image, declared by what it
 * adds. The options become ordinary layers, each with the options path it
 * came from, so that the family build validates and renders them like any
 * other image and reports problems at paths such as `install[0].envs[1]`.
 */
import { aptPackages } from "../blocks/apt-packages.js";
import { condaEnv } from "../blocks/conda-env.js";
import { copyFiles } from "../blocks/copy-files.js";
import { command, entrypoint } from "../blocks/entrypoint.js";
import { envPackages } from "../blocks/env-packages.js";
import { envVars } from "../blocks/env-vars.js";
import { pylzy } from "../blocks/pylzy.js";
import { user } from "../blocks/user.js";
import { workdir } from "../blocks/workdir.js";
import { SpecError, type SpecProblem } from "../errors.js";
import type { LayerSpec } from "../model/block.js";
import type { ImageSpec } from "../model/image-spec.js";
import { knownPythonRange, pythonAdmits } from "../python/package-ranges.js";
import {
  defaultIssueMessages,
  problemsFromIssues,
} from "../validation/zod-issues.js";
import type { EnvNamesOf, ImageDescription } from "./description.js";
import type { ExtendSpec, NoEnvClash } from "./extend-spec.js";
import { ExtensionOptions } from "./extension-options.js";

type Parsed = ReturnType<typeof ExtensionOptions.parse>;

/**
 * Declares an image built FROM `parent`, a published image known by its
 * description, that adds only what `spec` lists. Layers come in this
 * order: apt packages, new envs, pylzy into new envs, packages into envs,
 * environment variables, the user, the working directory, files, then
 * entrypoint and command.
 * Throws SpecError when `spec` does not match the extension schema.
 *
 * @example extend(published.userDefault, { name: "my-image", install: [{ envs: ["py39"], pip: ["pandas==2.2.2"] }] })
 */
export function extend<
  Parent extends ImageDescription,
  const NewEnvs extends string = never,
>(
  parent: Parent,
  spec: ExtendSpec<EnvNamesOf<Parent>, NewEnvs> &
    NoEnvClash<EnvNamesOf<Parent>, NewEnvs>,
): ImageSpec {
  const name = typeof spec.name === "string" ? spec.name : "extension";
  const parsed = ExtensionOptions.safeParse(spec, {
    reportInput: true,
    error: defaultIssueMessages,
  });
  if (!parsed.success) {
    throw new SpecError(
      problemsFromIssues(parsed.error.issues, ExtensionOptions, {
        image: name,
        path: "",
      }),
    );
  }
  return extensionImage(parent, parsed.data);
}

/** Builds the image spec of options that passed the extension schema. */
export function extensionImage(
  parent: ImageDescription,
  options: Parsed,
): ImageSpec {
  const problems: SpecProblem[] = [];
  checkParentUser(parent, options, problems);
  const layers = [
    ...(options.apt ? [at("apt", aptPackages({ packages: options.apt }))] : []),
    ...newEnvLayers(parent, options, problems),
    ...(options.install ?? []).map((install, index) =>
      at(`install[${index}]`, envPackages(install)),
    ),
    ...(options.env ? [at("env", envVars({ vars: options.env }))] : []),
    ...(options.user ? [at("user", user(options.user))] : []),
    ...(options.workdir
      ? [at("workdir", workdir({ path: options.workdir }))]
      : []),
    ...(options.files ?? []).map((files, index) =>
      at(
        `files[${index}]`,
        copyFiles({ ...files, owner: files.owner ?? userIds(options.user) }),
      ),
    ),
    ...(options.entrypoint
      ? [at("entrypoint", entrypoint({ argv: options.entrypoint }))]
      : []),
    ...(options.command
      ? [at("command", command({ argv: options.command }))]
      : []),
  ];
  if (problems.length > 0) {
    throw new SpecError(problems);
  }
  return {
    name: options.name,
    file: options.file ?? `${options.name}.Dockerfile`,
    description:
      options.description ?? `${options.name}: built FROM ${parent.name}.`,
    source: options.source,
    from: { parent, registry: options.registry, tag: options.tag },
    layers,
  };
}

/** conda-env layers for new envs, and one pylzy layer for those that ask. */
function newEnvLayers(
  parent: ImageDescription,
  options: Parsed,
  problems: SpecProblem[],
): LayerSpec[] {
  const envs = options.newEnvs ?? [];
  const layers: LayerSpec[] = envs.map(({ pylzy: _, ...env }, index) =>
    at(`newEnvs[${index}]`, condaEnv(env)),
  );
  const withPylzy = envs.filter((env) => env.pylzy);
  if (withPylzy.length === 0) {
    return layers;
  }

  const version = options.pylzy?.version ?? parentPylzyVersion(parent);
  if (version === undefined) {
    problems.push({
      image: options.name,
      path: "pylzy.version",
      message: `the parent image ${parent.name} has no pylzy to take the version from`,
      hint: 'set pylzy.version, such as "1.15.0"',
    });
    return layers;
  }
  const range =
    options.pylzy?.pythonRange ?? knownPythonRange("pylzy", version)?.python;
  envs.forEach((env, index) => {
    if (env.pylzy && range !== undefined && !pythonAdmits(range, env.python)) {
      problems.push({
        image: options.name,
        path: `newEnvs[${index}].pylzy`,
        message: `conda env "${env.name}" has Python ${env.python}, but pylzy ${version} requires Python ${range}`,
        received: true,
        hint: "use a Python the range admits, or set pylzy to false",
      });
    }
  });
  layers.push(
    at(
      "pylzy",
      pylzy({
        version,
        envs: withPylzy.map((env) => env.name),
        source: options.pylzy?.source,
        pythonRange: options.pylzy?.pythonRange,
      }),
    ),
  );
  return layers;
}

/**
 * Rejects apt, conda and useradd steps FROM a parent that runs as a
 * non-root user, because they need root and the description does not
 * record the user's numeric ids to switch back to afterwards.
 */
function checkParentUser(
  parent: ImageDescription,
  options: Parsed,
  problems: SpecProblem[],
): void {
  if (parent.user === "root") {
    return;
  }
  for (const field of ["apt", "newEnvs", "install", "user"] as const) {
    if (options[field] !== undefined) {
      problems.push({
        image: options.name,
        path: field,
        message: `${parent.name} runs as user "${parent.user}", and this step needs root`,
        hint: `extend the image ${parent.name} is built FROM, or add the step to ${parent.name} before its user layer`,
      });
    }
  }
}

/** The pylzy version installed in the parent's envs, if any has pylzy. */
function parentPylzyVersion(parent: ImageDescription): string | undefined {
  const envs = Object.values(parent.conda?.envs ?? {});
  return envs.map((env) => env.packages["pylzy"]).find(Boolean);
}

/** `uid:gid` of the extension's user, the default owner of its files. */
function userIds(spec: Parsed["user"]): string | undefined {
  return spec && `${spec.uid}:${spec.gid ?? spec.uid}`;
}

function at(path: string, layer: LayerSpec): LayerSpec {
  return { ...layer, at: path };
}
