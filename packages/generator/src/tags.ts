/**
 * The tags file: each image's content tag, written next to the Dockerfiles
 * so that a later run can tell which images changed and must be rebuilt.
 */
import type { FamilyModel } from "@lzy-images/dsl";

import type { OutputFile, RenderedImage } from "./family.js";

/** Path of the tags file, relative to the output directory. */
export const TAGS_FILE = "tags.json";

/** Content of the tags file. */
export interface TagsDocument {
  readonly registry: string;
  /** Content tag by image name, in build order. */
  readonly tags: Readonly<Record<string, string>>;
}

/** Whether an image's tag differs from the one in an earlier tags file. */
export type TagStatus = "changed" | "unchanged" | "added" | "removed";

export interface TagComparison {
  readonly name: string;
  /** Current tag; undefined for an image that is no longer generated. */
  readonly tag: string | undefined;
  /** Tag in the earlier file; undefined for an image new since then. */
  readonly previous: string | undefined;
  readonly status: TagStatus;
}

/** Renders the tags file of a rendered family. */
export function renderTagsFile(
  model: FamilyModel,
  images: readonly RenderedImage[],
): OutputFile {
  const document: TagsDocument = {
    registry: model.registry,
    tags: Object.fromEntries(
      images.map((image) => [image.image.name, image.tag]),
    ),
  };
  return {
    path: TAGS_FILE,
    content: `${JSON.stringify(document, null, 2)}\n`,
    mode: 0o644,
  };
}

/**
 * Parses the text of a tags file.
 * Throws an Error naming the problem when the text is not a tags file.
 */
export function parseTagsFile(text: string): TagsDocument {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`invalid JSON: ${(error as Error).message}`);
  }
  const candidate = parsed as Partial<TagsDocument> | null;
  if (
    candidate === null ||
    typeof candidate !== "object" ||
    typeof candidate.tags !== "object" ||
    candidate.tags === null ||
    Object.values(candidate.tags).some((tag) => typeof tag !== "string")
  ) {
    throw new Error(
      `expected { "registry": string, "tags": { image: tag } } as written by generate`,
    );
  }
  return {
    registry: typeof candidate.registry === "string" ? candidate.registry : "",
    tags: candidate.tags,
  };
}

/**
 * Compares current tags with earlier ones. Current images come first in
 * build order, then images of the earlier file that are gone.
 */
export function compareTags(
  images: readonly RenderedImage[],
  previous: TagsDocument,
): TagComparison[] {
  const earlier = new Map(Object.entries(previous.tags));
  const comparisons: TagComparison[] = images.map((image) => {
    const name = image.image.name;
    const before = earlier.get(name);
    earlier.delete(name);
    return {
      name,
      tag: image.tag,
      previous: before,
      status: statusOf(image.tag, before),
    };
  });
  for (const [name, before] of earlier) {
    comparisons.push({
      name,
      tag: undefined,
      previous: before,
      status: "removed",
    });
  }
  return comparisons;
}

function statusOf(tag: string, previous: string | undefined): TagStatus {
  if (previous === undefined) {
    return "added";
  }
  return tag === previous ? "unchanged" : "changed";
}
