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
  VersionRange,
} from "../blocks/support/schemas.js";
import { UserOptions } from "../blocks/user.js";
import { ImageName, ImageTag, RegistryName } from "./description.js";

/** A new conda env: `conda-env` options, and whether to install pylzy. */
export const NewEnvOptions = CondaEnvOptions.extend({
  /** Install pylzy into the env, from the source tree of `pylzy.source`. */
  pylzy: z.boolean().default(false),
});

/**
 * Options of an extension. Each field's description is its documentation,
 * and the JSON Schema shows it to editors.
 */
export const ExtensionOptions = z.strictObject({
  name: ImageName.describe("Name of the new image, such as `my-trainer`."),
  file: z
    .string()
    .regex(
      /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/,
      "invalid file name: expected a plain name such as `Trainer.Dockerfile`",
    )
    .optional()
    .describe("Output file name. Default `<name>.Dockerfile`."),
  description: SingleLine.optional().describe(
    "One line on what the image is for; written into the file header.",
  ),
  source: SingleLine.optional().describe(
    "Path of the config to edit, shown in the generated header.",
  ),
  registry: RegistryName.optional().describe(
    "Registry to pull the parent from. Default: the parent's registry.",
  ),
  tag: ImageTag.optional().describe(
    "Tag of the parent to pull. Default: the parent's content tag.",
  ),
  apt: z
    .array(AptPackage)
    .min(1, "list at least one package")
    .optional()
    .describe("Debian packages, as `name` or pinned `name=version`."),
  pylzy: z
    .strictObject({
      /** pylzy release. Default: the version in the parent's envs. */
      version: Version.optional(),
      /**
       * Supported Python versions as a semver range, such as `>=3.8.0`.
       * Default: the published range of `version`; required for others.
       */
      pythonRange: VersionRange.optional(),
      /** pylzy source tree in the build context. Default `inputs/pylzy`. */
      source: ContextPath.default("inputs/pylzy"),
    })
    .optional()
    .describe("pylzy for new envs with `pylzy: true`."),
  newEnvs: z
    .array(NewEnvOptions)
    .min(1, "list at least one env, or leave out newEnvs")
    .optional()
    .describe("New conda envs, created in order."),
  install: z
    .array(EnvPackagesOptions)
    .min(1, "list at least one install, or leave out install")
    .optional()
    .describe("Packages into existing envs: the parent's, or new ones."),
  env: EnvVarsOptions.shape.vars
    .optional()
    .describe("Environment variables, set after packages are installed."),
  user: UserOptions.optional().describe(
    "A non-root user to create and run as.",
  ),
  workdir: ImagePath.optional().describe("Working directory of the container."),
  files: z
    .array(CopyFilesOptions)
    .min(1, "list at least one copy, or leave out files")
    .optional()
    .describe(
      "Files from the build context, copied after the user is created. Their owner defaults to that user.",
    ),
  entrypoint: ExecFormOptions.shape.argv
    .optional()
    .describe("ENTRYPOINT in exec form: the program and its arguments."),
  command: ExecFormOptions.shape.argv
    .optional()
    .describe("CMD in exec form: the program and its arguments."),
});

/** Extension options as written, before defaults. */
export type ExtensionOptions = z.input<typeof ExtensionOptions>;
