/**
 * The state of an image: the facts it provides to later layers and to images
 * built FROM it. Blocks read and extend it while the model is built, and it
 * is also the image's published description.
 */

/** Operating system of an image, such as `{ id: "ubuntu", version: "20.04" }`. */
export interface OsRelease {
  readonly id: string;
  readonly version: string;
}

/** A conda environment and the packages installed into it that matter. */
export interface CondaEnvState {
  readonly name: string;
  readonly prefix: string;
  /** Full Python version, such as `3.9.7`. */
  readonly python: string;
  /** Package name to installed version or requirement string. */
  readonly packages: Map<string, string>;
}

export interface CondaState {
  readonly prefix: string;
  readonly channels: readonly string[];
  readonly envs: Map<string, CondaEnvState>;
}

export interface ImageState {
  os: OsRelease | undefined;
  /** CUDA version of an `nvidia/cuda` base, such as `11.2.2`. */
  cuda: string | undefined;
  /** Debian packages installed by apt, with their pins where given. */
  readonly aptPackages: Map<string, string | undefined>;
  /** Environment variables set with `ENV`, inherited by derived images. */
  readonly env: Map<string, string>;
  /** Build arguments declared in the current stage; reset at every `FROM`. */
  readonly args: Set<string>;
  conda: CondaState | undefined;
  /** Whether `ARG DEBIAN_FRONTEND=noninteractive` is declared in the stage. */
  noninteractiveApt: boolean;
  /** Working directory set by `WORKDIR`; `/` unless an image changed it. */
  workdir: string;
  /** User set by `USER`; `root` unless an image changed it. */
  user: string;
}

/** Creates the state of an image built from an external reference. */
export function emptyState(
  os: OsRelease | undefined,
  cuda?: string,
): ImageState {
  return {
    os,
    cuda,
    aptPackages: new Map(),
    env: new Map(),
    args: new Set(),
    conda: undefined,
    noninteractiveApt: false,
    workdir: "/",
    user: "root",
  };
}

/**
 * Copies the state of a base image for an image built FROM it. Build
 * arguments do not cross a `FROM`; everything else is inherited.
 */
export function inheritState(base: ImageState): ImageState {
  return {
    os: base.os,
    cuda: base.cuda,
    aptPackages: new Map(base.aptPackages),
    env: new Map(base.env),
    args: new Set(),
    conda: base.conda && {
      prefix: base.conda.prefix,
      channels: [...base.conda.channels],
      envs: new Map(
        [...base.conda.envs].map(([name, env]) => [
          name,
          { ...env, packages: new Map(env.packages) },
        ]),
      ),
    },
    noninteractiveApt: false,
    workdir: base.workdir,
    user: base.user,
  };
}
