/**
 * The TypeScript form of extension options. It narrows the schema's input
 * type where types can express a rule, so that misuse fails to compile.
 * Env names must be the parent's or new ones, and lists of envs and
 * commands must not be empty. Python versions have three parts, and image
 * paths are absolute. The schema checks everything else when `extend()`
 * runs.
 */
import type { ExtensionOptions } from "./extension-options.js";

/** A non-empty list. */
export type NonEmpty<Item> = readonly [Item, ...Item[]];

/** Full Python version, such as `3.11.9`. */
export type PythonVersionString = `3.${number}.${number}`;

/** Absolute path inside the image. */
export type ImagePathString = `/${string}`;

/** A new conda env. */
export interface NewEnvSpec<Name extends string> {
  readonly name: Name;
  readonly python: PythonVersionString;
  /** conda packages, such as `numpy=1.26.4`. */
  readonly conda?: readonly string[];
  /** pip requirements, such as `torch==2.3.1`. */
  readonly pip?: readonly string[];
  /** Install pylzy into the env. Default false. */
  readonly pylzy?: boolean;
}

/** Packages into envs that exist in the parent or are created here. */
export interface InstallSpec<Envs extends string> {
  /** `all` for every env, the new ones included, or a non-empty list. */
  readonly envs: "all" | NonEmpty<Envs>;
  readonly conda?: readonly string[];
  readonly pip?: readonly string[];
  /** Requirements file in the build context. */
  readonly requirements?: string;
}

/** Files from the build context. */
export interface FilesSpec {
  readonly sources: NonEmpty<string>;
  readonly dest: ImagePathString;
  /** Octal mode, such as `0644`. */
  readonly mode?: string;
  /** Owner as `user[:group]`. Default: the extension's user, if any. */
  readonly owner?: string;
}

/** A non-root user. */
export interface UserSpec {
  readonly name: string;
  readonly uid?: number;
  readonly gid?: number;
  readonly home?: ImagePathString;
  readonly shell?: ImagePathString;
}

/**
 * Options of `extend()`. `Envs` are the parent's env names and `NewEnvs`
 * the names of envs this spec creates.
 */
export interface ExtendSpec<Envs extends string, NewEnvs extends string>
  extends Omit<
    ExtensionOptions,
    | "newEnvs"
    | "install"
    | "apt"
    | "files"
    | "user"
    | "workdir"
    | "entrypoint"
    | "command"
  > {
  readonly apt?: NonEmpty<string>;
  readonly newEnvs?: readonly NewEnvSpec<NewEnvs>[];
  readonly install?: readonly InstallSpec<NoInfer<Envs | NewEnvs>>[];
  readonly files?: readonly FilesSpec[];
  readonly user?: UserSpec;
  readonly workdir?: ImagePathString;
  readonly entrypoint?: NonEmpty<string>;
  readonly command?: NonEmpty<string>;
}

/**
 * Adds a type error when a new env has the name of an env the parent
 * already has: a required property that no spec has, whose name is the
 * message, such as `conda env "py39" already exists in the parent image`.
 * Parents with non-literal env names are not checked here; the build
 * reports the clash.
 */
export type NoEnvClash<
  Envs extends string,
  NewEnvs extends string,
> = string extends Envs
  ? unknown
  : [Extract<NewEnvs, Envs>] extends [never]
    ? unknown
    : {
        readonly [Message in `conda env "${Extract<NewEnvs, Envs>}" already exists in the parent image`]: never;
      };
