/**
 * Turns the extension entries of a JSON config into image specs, and gives
 * images built FROM a catalog image that content tag of the parent that
 * `generate` prints for the built-in catalog.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";

import {
  SpecError,
  buildFamily,
  describe,
  extensionImage,
  isExtensionEntry,
  parseExtensionEntry,
  type ExtensionEntry,
  type FamilySpec,
  type ImageDescription,
  type ImageSpec,
  type SpecProblem,
} from "@lzy-images/dsl";
import { renderFamily } from "@lzy-images/generator";

/**
 * Header command of the built-in catalog's Dockerfiles. It is part of the
 * content that tags hash, so it must match what `generate` writes.
 */
const CATALOG_REGENERATE = "pnpm run generate";

/**
 * Returns `family` with extension entries turned into image specs and
 * parent tags filled in. Throws SpecError listing every invalid entry.
 */
export async function resolveExtensions(
  family: FamilySpec,
  configDir: string,
  shown: string,
): Promise<FamilySpec> {
  const problems: SpecProblem[] = [];
  const images: ImageSpec[] = [];
  for (const [index, entry] of (family.images as unknown[]).entries()) {
    if (!isExtensionEntry(entry)) {
      images.push(entry as ImageSpec);
      continue;
    }
    const image = await extensionFromEntry(
      entry,
      index,
      configDir,
      shown,
      problems,
    );
    if (image !== undefined) {
      images.push(image);
    }
  }
  if (problems.length > 0) {
    throw new SpecError(problems);
  }
  // `$schema` only points editors at the JSON Schema.
  const { $schema: _, ...rest } = family as FamilySpec & { $schema?: string };
  return { ...rest, images: await withParentTags(images) };
}

async function extensionFromEntry(
  entry: unknown,
  index: number,
  configDir: string,
  shown: string,
  problems: SpecProblem[],
): Promise<ImageSpec | undefined> {
  const named = (entry as { name?: unknown }).name;
  const image = typeof named === "string" ? named : `images[${index}]`;
  const parsed = parseExtensionEntry(entry, image);
  if (!parsed.success) {
    problems.push(...parsed.problems);
    return undefined;
  }
  const { extends: reference, ...options } = parsed.data;
  const parent = await loadParent(reference, configDir, image, problems);
  if (parent === undefined) {
    return undefined;
  }
  try {
    return extensionImage(parent, {
      ...options,
      source: options.source ?? shown,
    });
  } catch (error) {
    if (error instanceof SpecError) {
      problems.push(...error.problems);
      return undefined;
    }
    throw error;
  }
}

async function loadParent(
  reference: ExtensionEntry["extends"],
  configDir: string,
  image: string,
  problems: SpecProblem[],
): Promise<ImageDescription | undefined> {
  if (typeof reference === "string") {
    const { published } = await import("@lzy-images/catalog");
    const parents = Object.values(published);
    const parent = parents.find((candidate) => candidate.name === reference);
    if (parent === undefined) {
      problems.push({
        image,
        path: "extends",
        message: "not a published image of the built-in catalog",
        received: reference,
        hint: `use one of: ${parents.map((p) => p.name).join(", ")}, or { "description": "FILE.json" }`,
      });
    }
    return parent;
  }
  const path = resolve(configDir, reference.description);
  try {
    return describe(JSON.parse(await readFile(path, "utf8")));
  } catch (error) {
    problems.push({
      image,
      path: "extends.description",
      message: `failed to read the parent's description: ${(error as Error).message}`,
      received: reference.description,
      hint: "write the JSON beside the parent's Dockerfile, or the image's lzy-images.description label, to that file",
    });
    return undefined;
  }
}

/**
 * Fills the tag of parents that have none when the parent is an image of
 * the built-in catalog, unchanged: its tag is the content tag `generate`
 * gives it. The catalog is rendered only when such a parent exists.
 */
async function withParentTags(images: ImageSpec[]): Promise<ImageSpec[]> {
  let tags: Map<string, { tag: string; description: string }> | undefined;
  const result: ImageSpec[] = [];
  for (const image of images) {
    const from = image.from;
    if (!("parent" in from) || from.tag || from.parent.tag) {
      result.push(image);
      continue;
    }
    tags ??= await catalogTags();
    const known = tags.get(from.parent.name);
    const same =
      known !== undefined && known.description === canonical(from.parent);
    result.push(same ? { ...image, from: { ...from, tag: known.tag } } : image);
  }
  return result;
}

async function catalogTags(): Promise<
  Map<string, { tag: string; description: string }>
> {
  const { lzyFamily, published } = await import("@lzy-images/catalog");
  const rendered = renderFamily(buildFamily(lzyFamily), {
    regenerate: CATALOG_REGENERATE,
  });
  const tags = new Map<string, { tag: string; description: string }>();
  for (const parent of Object.values(published)) {
    const image = rendered.find((r) => r.image.name === parent.name);
    if (image !== undefined) {
      tags.set(parent.name, { tag: image.tag, description: canonical(parent) });
    }
  }
  return tags;
}

/** JSON with sorted keys and without the tag, for comparing descriptions. */
function canonical(description: ImageDescription): string {
  const { tag: _, ...rest } = description;
  return JSON.stringify(rest, (_key, value: unknown) =>
    value !== null && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : value,
  );
}
