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
  closestMatch,
  describe,
  formatProblem,
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
 * parent tags filled in. Throws SpecError listing every invalid entry and
 * the problems that the valid part of the family has.
 */
export async function resolveExtensions(
  family: FamilySpec,
  configDir: string,
  shown: string,
): Promise<FamilySpec> {
  const problems: SpecProblem[] = [];
  const images: ImageSpec[] = [];
  const checkOnly: CheckOnlyImage[] = [];
  for (const [index, entry] of (family.images as unknown[]).entries()) {
    if (!isExtensionEntry(entry)) {
      images.push(entry as ImageSpec);
      continue;
    }
    const resolved = await extensionFromEntry(
      entry,
      index,
      configDir,
      shown,
      problems,
    );
    if (resolved === undefined) {
      continue;
    }
    if ("image" in resolved) {
      images.push(resolved.image);
    } else {
      checkOnly.push(resolved);
    }
  }
  if (problems.length > 0) {
    problems.push(...laterProblems(family, images, checkOnly, problems));
    throw new SpecError(problems);
  }
  // `$schema` only points editors at the JSON Schema.
  const { $schema: _, ...rest } = family as FamilySpec & { $schema?: string };
  return { ...rest, images: await withParentTags(images) };
}

/**
 * An extension with a problem, built from its valid part only to report
 * the problems of the rest in the same run. Its problems that concern
 * `removedEnvs`, new envs whose options were invalid, are not reported.
 */
interface CheckOnlyImage {
  readonly checkImage: ImageSpec;
  readonly removedEnvs: ReadonlySet<string>;
}

async function extensionFromEntry(
  entry: unknown,
  index: number,
  configDir: string,
  shown: string,
  problems: SpecProblem[],
): Promise<{ readonly image: ImageSpec } | CheckOnlyImage | undefined> {
  const named = (entry as { name?: unknown }).name;
  const image = typeof named === "string" ? named : `images[${index}]`;
  let valid = parseExtensionEntry(entry, image);
  let removedEnvs: Set<string> | undefined;
  if (!valid.success) {
    problems.push(...valid.problems);
    const partial = validPart(entry as Record<string, unknown>, valid.problems);
    if (partial === undefined) {
      return undefined;
    }
    removedEnvs = partial.removedEnvs;
    valid = parseExtensionEntry(partial.entry, image);
    if (!valid.success) {
      return undefined;
    }
  }

  const { extends: reference, ...options } = valid.data;
  const loaded = await loadParent(reference, configDir, image, problems);
  if (loaded === undefined) {
    return undefined;
  }
  try {
    const spec = extensionImage(loaded.parent, {
      ...options,
      source: options.source ?? shown,
    });
    if (removedEnvs === undefined && !loaded.guessed) {
      return { image: spec };
    }
    return { checkImage: spec, removedEnvs: removedEnvs ?? new Set() };
  } catch (error) {
    if (error instanceof SpecError) {
      problems.push(...error.problems);
      return undefined;
    }
    throw error;
  }
}

/**
 * Returns `entry` without its invalid fields, or without the invalid
 * elements of a list field, and the names of the new envs removed. Returns
 * undefined when the name or the parent is invalid, as nothing can be
 * checked without them.
 */
function validPart(
  entry: Record<string, unknown>,
  problems: readonly SpecProblem[],
):
  | {
      readonly entry: Record<string, unknown>;
      readonly removedEnvs: Set<string>;
    }
  | undefined {
  const result: Record<string, unknown> = { ...entry };
  const removedEnvs = new Set<string>();
  for (const problem of problems) {
    const [, field, element] =
      /^([A-Za-z$_][\w$]*)(?:\[(\d+)\])?/.exec(problem.path) ?? [];
    if (field === undefined || field === "name" || field === "extends") {
      return undefined;
    }
    const value = result[field];
    if (element === undefined || !Array.isArray(value)) {
      delete result[field];
      continue;
    }
    const removed = value[Number(element)] as { name?: unknown } | undefined;
    if (field === "newEnvs" && typeof removed?.name === "string") {
      removedEnvs.add(removed.name);
    }
    // Marks the element, so that later indices still match the problems.
    result[field] = value.map((item, index) =>
      index === Number(element) ? undefined : item,
    );
  }
  for (const [field, value] of Object.entries(result)) {
    if (Array.isArray(value) && value.includes(undefined)) {
      const kept = value.filter((item) => item !== undefined);
      if (kept.length > 0) {
        result[field] = kept;
      } else {
        delete result[field];
      }
    }
  }
  return { entry: result, removedEnvs };
}

/**
 * Builds the family with the valid images and the check-only ones, and
 * returns the problems that the entry problems did not already report,
 * so that one run shows as many independent problems as it can.
 */
function laterProblems(
  family: FamilySpec,
  images: readonly ImageSpec[],
  checkOnly: readonly CheckOnlyImage[],
  reported: readonly SpecProblem[],
): SpecProblem[] {
  if (images.length + checkOnly.length === 0) {
    return []; // an empty family would only add "list at least one image"
  }
  const { $schema: _, ...rest } = family as FamilySpec & { $schema?: string };
  try {
    buildFamily({
      ...rest,
      images: [...images, ...checkOnly.map((entry) => entry.checkImage)],
    });
    return [];
  } catch (error) {
    if (!(error instanceof SpecError)) {
      throw error;
    }
    const removed = new Map(
      checkOnly.map((entry) => [entry.checkImage.name, entry.removedEnvs]),
    );
    const seen = new Set(reported.map((problem) => formatProblem(problem)));
    return error.problems.filter(
      (problem) =>
        !seen.has(formatProblem(problem)) &&
        !(
          typeof problem.received === "string" &&
          removed.get(problem.image)?.has(problem.received)
        ),
    );
  }
}

/**
 * Loads the parent of an extension. A catalog name with a typo is
 * reported, and its closest catalog image is returned as `guessed`, so
 * that the rest of the entry is checked against it in the same run.
 */
async function loadParent(
  reference: ExtensionEntry["extends"],
  configDir: string,
  image: string,
  problems: SpecProblem[],
): Promise<
  { readonly parent: ImageDescription; readonly guessed: boolean } | undefined
> {
  if (typeof reference === "string") {
    const { published } = await import("@lzy-images/catalog");
    const parents = Object.values(published);
    const parent = parents.find((candidate) => candidate.name === reference);
    if (parent !== undefined) {
      return { parent, guessed: false };
    }
    const names = parents.map((candidate) => candidate.name);
    const closest = closestMatch(reference, names);
    problems.push({
      image,
      path: "extends",
      message: "not a published image of the built-in catalog",
      received: reference,
      hint: [
        closest &&
          `did you mean "${closest}"? The other problems of this image assume it.`,
        `use one of: ${names.join(", ")}, or { "description": "FILE.json" }`,
      ]
        .filter(Boolean)
        .join(" "),
    });
    const guess = parents.find((candidate) => candidate.name === closest);
    return guess && { parent: guess, guessed: true };
  }
  const path = resolve(configDir, reference.description);
  try {
    return {
      parent: describe(JSON.parse(await readFile(path, "utf8"))),
      guessed: false,
    };
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
