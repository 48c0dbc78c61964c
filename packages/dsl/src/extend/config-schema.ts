/**
 * The JSON form of a config file: a family whose images are either
 * extensions of published images or images written layer by layer. The
 * schema is built from the blocks' own schemas, and `configJsonSchema()`
 * turns it into the JSON Schema that editors use to complete and check
 * `images.config.json`.
 */
import { z } from "zod";

import { builtInBlocks } from "../blocks/index.js";
import { SingleLine } from "../blocks/support/schemas.js";
import type { SpecProblem } from "../errors.js";
import type { BlockDefinition } from "../model/block.js";
import {
  defaultIssueMessages,
  problemsFromIssues,
} from "../validation/zod-issues.js";
import { ImageName, RegistryName } from "./description.js";
import { ExtensionOptions } from "./extension-options.js";

/**
 * The image an extension is built FROM: the name of a published image of
 * the built-in catalog, or the path of its description JSON, relative to
 * the config file.
 */
export const ParentReference = z.union([
  ImageName,
  z.strictObject({
    /** Description JSON, such as `UserDefault.json` or a saved label. */
    description: z.string().min(1, "give the path of a description JSON"),
  }),
]);

/** An image that extends a published image, as written in JSON. */
export const ExtensionEntry = ExtensionOptions.extend({
  extends: ParentReference.describe(
    'The image to build FROM: a catalog image such as "user-default", or { "description": "FILE.json" }.',
  ),
});

export type ExtensionEntry = z.input<typeof ExtensionEntry>;

/**
 * Validates one extension entry of a JSON config. Problems are located
 * at `image`, the entry's name, with paths such as `install[0].envs`.
 */
export function parseExtensionEntry(
  entry: unknown,
  image: string,
):
  | { readonly success: true; readonly data: z.output<typeof ExtensionEntry> }
  | { readonly success: false; readonly problems: SpecProblem[] } {
  const parsed = ExtensionEntry.safeParse(entry, {
    reportInput: true,
    error: defaultIssueMessages,
  });
  if (parsed.success) {
    return { success: true, data: parsed.data };
  }
  return {
    success: false,
    problems: problemsFromIssues(parsed.error.issues, ExtensionEntry, {
      image,
      path: "",
    }),
  };
}

/** Returns true when a config's image entry is an extension. */
export function isExtensionEntry(entry: unknown): boolean {
  return typeof entry === "object" && entry !== null && "extends" in entry;
}

/** Builds the schema of a whole JSON config file from `blocks`. */
export function configSchema(
  blocks: ReadonlyMap<string, BlockDefinition> = builtInBlocks,
) {
  const layers = [...blocks.values()]
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((block) =>
      z.strictObject({
        block: z.literal(block.name),
        options: block.schema,
      }),
    );
  const layeredImage = z.strictObject({
    name: ImageName,
    file: z.string(),
    description: SingleLine.optional(),
    source: SingleLine.optional(),
    from: z.union([
      z.strictObject({
        image: z.string(),
        os: z.strictObject({ id: z.string(), version: z.string() }).optional(),
        cuda: z.string().optional(),
      }),
      z.strictObject({ family: ImageName }),
    ]),
    layers: z.array(z.union(layers)),
  });
  return z.strictObject({
    /** Path or URL of this JSON Schema, for editors. */
    $schema: z.string().optional(),
    /** Registry the images of this config are published to. */
    registry: RegistryName,
    images: z.array(z.union([ExtensionEntry, layeredImage])),
  });
}

/** Returns the JSON Schema of a config file, for editors and `lzy-images schema`. */
export function configJsonSchema(
  blocks: ReadonlyMap<string, BlockDefinition> = builtInBlocks,
): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema(blocks), {
    io: "input",
    target: "draft-2020-12",
    unrepresentable: "any",
  });
  return {
    ...schema,
    title: "lzy-images config",
    description:
      "Images to generate Dockerfiles for: extensions of published images, or images written layer by layer.",
  };
}
