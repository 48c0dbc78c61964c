/**
 * The options of an image that extends a published image, as one zod
 * schema. TypeScript and JSON configs are validated by it, and its fields
 * reuse the schemas of the blocks they become, so both forms accept and
 * reject the same values.
 */
import { z } from "zod";

import { CondaEnvOptions } from "../blocks/conda-env.js";
import { CopyFilesOptions } from "../blocks/copy-files.js";
import { ExecFormOptions } from "../blocks/entrypoint.js";
import { EnvPackagesOptions } from "../blocks/env-packages.js";
import { EnvVarsOptions } from "../blocks/env-vars.js";
import {
  AptPackage,
  ContextPath,
  ImagePath,
  SingleLine,
  Version,
} from "../blocks/support/schemas.js";
import { UserOptions } from "../blocks/user.js";
import { ImageName, ImageTag, RegistryName } from "./description.js";

/** A new conda env: `conda-env` options, and whether to install pylzy. */
export const NewEnvOptions = CondaEnvOptions.extend({
  /** Install pylzy into the env, from the source tree of `pylzy.source`. */
  pylzy: z.boolean().default(false),
});

export const ExtensionOptions = z.strictObject({
  /** Name of the new image, such as `my-trainer`. */
  name: ImageName,
  /** Output file name. Default `<name>.Dockerfile`. */
  file: z
    .string()
    .regex(
      /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/,
      "invalid file name: expected a plain name such as `Trainer.Dockerfile`",
    )
    .optional(),
  /** One line on what the image is for; written into the file header. */
  description: SingleLine.optional(),
  /** Path of the config to edit, shown in the generated header. */
  source: SingleLine.optional(),
  /** Registry to pull the parent from. Default: the parent's registry. */
  registry: RegistryName.optional(),
  /** Tag of the parent to pull. Default: the parent's content tag. */
  tag: ImageTag.optional(),
  /** Debian packages, as `name` or pinned `name=version`. */
  apt: z.array(AptPackage).min(1, "list at least one package").optional(),
  /** pylzy for new envs with `pylzy: true`. */
  pylzy: z
    .strictObject({
      /** pylzy release. Default: the version in the parent's envs. */
      version: Version.optional(),
      /** pylzy source tree in the build context. Default `inputs/pylzy`. */
      source: ContextPath.default("inputs/pylzy"),
    })
    .optional(),
  /** New conda envs, created in order. */
  newEnvs: z.array(NewEnvOptions).optional(),
  /** Packages into existing envs: the parent's, or new ones. */
  install: z.array(EnvPackagesOptions).optional(),
  /** Environment variables, set after packages are installed. */
  env: EnvVarsOptions.shape.vars.optional(),
  /** A non-root user to create and run as. */
  user: UserOptions.optional(),
  /** Working directory of the container. */
  workdir: ImagePath.optional(),
  /**
   * Files from the build context, copied after the user is created. Their
   * owner defaults to that user.
   */
  files: z.array(CopyFilesOptions).optional(),
  /** ENTRYPOINT in exec form: the program and its arguments. */
  entrypoint: ExecFormOptions.shape.argv.optional(),
  /** CMD in exec form: the program and its arguments. */
  command: ExecFormOptions.shape.argv.optional(),
});

/** Extension options as written, before defaults. */
export type ExtensionOptions = z.input<typeof ExtensionOptions>;
