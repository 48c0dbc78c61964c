/**
 * The description of a published image: what it provides to images built
 * FROM it. The generator writes it as JSON beside each Dockerfile and into
 * an image label, and `extend()` reads it, so that an image a user only
 * pulled is extended with the same checks as one from the catalog.
 */
import { z } from "zod";

import {
  CondaEnvName,
  EnvName,
  ImagePath,
  PythonVersion,
} from "../blocks/support/schemas.js";
import type { ImageState } from "../model/image-state.js";

/** Label key of the description JSON in every generated image. */
export const DESCRIPTION_LABEL = "lzy-images.description";

/** Version of the description format; raised on incompatible changes. */
export const DESCRIPTION_FORMAT = 1;

/** Image name as published: lowercase, digits, `.`, `_` and `-`. */
export const ImageName = z
  .string()
  .regex(
    /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/,
    "invalid image name: expected lowercase letters, digits and `.`, `_` or `-` between them, such as `user-default`",
  );

/** Registry host and namespace, such as `lzydock` or `ghcr.io/me`. */
export const RegistryName = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9.:_/-]*$/,
    "invalid registry: expected a host or namespace such as `lzydock` or `ghcr.io/me`",
  );

/** Image tag as Docker accepts it. */
export const ImageTag = z
  .string()
  .regex(
    /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/,
    "invalid tag: expected up to 128 letters, digits, `_`, `.` or `-`",
  );

const EnvDescription = z.strictObject({
  /** Absolute path of the env, such as `/root/miniconda3/envs/py39`. */
  prefix: ImagePath,
  /** Full Python version, such as `3.9.7`. */
  python: PythonVersion,
  /** Package name to installed version or requirement, such as `pylzy`. */
  packages: z.record(z.string(), z.string()),
});

/** Schema of the description JSON; `describe()` validates with it. */
export const ImageDescriptionSchema = z.strictObject({
  format: z.literal(DESCRIPTION_FORMAT),
  /** Image name as published, such as `user-default`. */
  name: ImageName,
  /** Registry the image is published to, such as `lzydock`. */
  registry: RegistryName,
  /**
   * Content tag of the image. Only the JSON file beside the Dockerfile has
   * it: the label cannot, because the tag is a hash of the Dockerfile.
   */
  tag: ImageTag.optional(),
  os: z.strictObject({ id: z.string(), version: z.string() }).nullable(),
  /** CUDA version, such as `11.2.2`, or null for an image without CUDA. */
  cuda: z.string().nullable(),
  /** User that RUN steps and the container run as. */
  user: z.string(),
  workdir: ImagePath,
  /** Environment variables set with `ENV`, as written. */
  env: z.record(EnvName, z.string()),
  /** Debian packages installed by apt; a pin, or null when unpinned. */
  aptPackages: z.record(z.string(), z.string().nullable()),
  conda: z
    .strictObject({
      prefix: ImagePath,
      channels: z.array(z.string()),
      envs: z.record(CondaEnvName, EnvDescription),
    })
    .nullable(),
});

/** One conda env of a published image. */
export type EnvDescription = z.output<typeof EnvDescription>;

/**
 * Description of what a published image provides. `Envs` are the names of
 * its conda envs, kept as literal types when the description is a literal
 * or imported JSON, so that `extend()` rejects an unknown env name at
 * compile time.
 */
export type ImageDescription<Envs extends string = string> = Omit<
  z.output<typeof ImageDescriptionSchema>,
  "conda"
> & {
  readonly conda: {
    readonly prefix: string;
    readonly channels: readonly string[];
    readonly envs: { readonly [Name in Envs]: EnvDescription };
  } | null;
};

/** Env names of a description type; `string` when they are not literal. */
export type EnvNamesOf<Description> = 0 extends 1 & Description
  ? string
  : Description extends { readonly conda: infer Conda }
    ? Conda extends { readonly envs: infer Envs }
      ? string extends keyof Envs
        ? string
        : Extract<keyof Envs, string>
      : never
    : string;

/** Fails with a message that names every invalid field of a description. */
export class DescriptionError extends Error {
  constructor(readonly issues: readonly z.core.$ZodIssue[]) {
    super(
      `invalid image description: ${issues
        .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
        .join("; ")}`,
    );
    this.name = "DescriptionError";
  }
}

/**
 * Validates the description of a published image, as read from the JSON
 * file beside its Dockerfile or from its `lzy-images.description` label.
 * Env names stay literal types when `json` is a literal or imported JSON.
 *
 * @example extend(describe(userDefaultJson), { name: "my-image", ... })
 */
export function describe<const Json extends { readonly conda: unknown }>(
  json: Json,
): ImageDescription<EnvNamesOf<Json>>;
export function describe(json: unknown): ImageDescription;
export function describe(json: unknown): ImageDescription {
  const parsed = ImageDescriptionSchema.safeParse(json);
  if (!parsed.success) {
    throw new DescriptionError(parsed.error.issues);
  }
  return parsed.data;
}

/**
 * Describes an image from its state after all layers. Keys are sorted, so
 * the same image always gives the same JSON text.
 */
export function describeState(
  name: string,
  registry: string,
  state: ImageState,
): ImageDescription {
  const conda = state.conda;
  return {
    format: DESCRIPTION_FORMAT,
    name,
    registry,
    os: state.os ? { id: state.os.id, version: state.os.version } : null,
    cuda: state.cuda ?? null,
    user: state.user,
    workdir: state.workdir,
    env: sortedRecord(state.env),
    aptPackages: sortedRecord(
      new Map([...state.aptPackages].map(([key, pin]) => [key, pin ?? null])),
    ),
    conda:
      conda === undefined
        ? null
        : {
            prefix: conda.prefix,
            channels: [...conda.channels],
            envs: sortedRecord(
              new Map(
                [...conda.envs].map(([key, env]) => [
                  key,
                  {
                    prefix: env.prefix,
                    python: env.python,
                    packages: sortedRecord(env.packages),
                  },
                ]),
              ),
            ),
          },
  };
}

/** Rebuilds the state an image FROM the described one starts with. */
export function stateFromDescription(
  description: ImageDescription,
): ImageState {
  const conda = description.conda;
  return {
    os: description.os ?? undefined,
    cuda: description.cuda ?? undefined,
    aptPackages: new Map(
      Object.entries(description.aptPackages).map(([key, pin]) => [
        key,
        pin ?? undefined,
      ]),
    ),
    env: new Map(Object.entries(description.env)),
    args: new Set(),
    conda:
      conda === null
        ? undefined
        : {
            prefix: conda.prefix,
            channels: [...conda.channels],
            envs: new Map(
              Object.entries<EnvDescription>(conda.envs).map(([key, env]) => [
                key,
                {
                  name: key,
                  prefix: env.prefix,
                  python: env.python,
                  packages: new Map(Object.entries(env.packages)),
                },
              ]),
            ),
          },
    noninteractiveApt: false,
    workdir: description.workdir,
    user: description.user,
  };
}

function sortedRecord<Value>(
  map: ReadonlyMap<string, Value>,
): Record<string, Value> {
  const keys = [...map.keys()].sort();
  return Object.fromEntries(keys.map((key) => [key, map.get(key)!]));
}
