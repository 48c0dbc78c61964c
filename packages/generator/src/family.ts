/**
 * Renders a whole family: each image's Dockerfile and context files, and a
 * content tag per image that final images use as their base's tag.
 */
import { createHash } from "node:crypto";

import type { FamilyModel, ImageModel, Provenance } from "@lzy-images/dsl";

import { descriptionFile } from "./description-file.js";
import { renderDockerfile } from "./render.js";
import { TemplateSet } from "./templates.js";

/** A file to write under the output directory. */
export interface OutputFile {
  /** Path relative to the output directory. */
  readonly path: string;
  readonly content: string;
  /** Unix mode, such as 0o644. */
  readonly mode: number;
}

export interface RenderedImage {
  readonly image: ImageModel;
  readonly dockerfile: OutputFile;
  /** Provenance of each Dockerfile line; index 0 is line 1. */
  readonly lines: ReadonlyArray<Provenance | undefined>;
  readonly contextFiles: readonly OutputFile[];
  /** The image's description with its tag, as JSON beside the Dockerfile. */
  readonly description: OutputFile;
  /**
   * Short sha256 over the Dockerfile and context files. The Dockerfile of
   * a final image contains its base's tag, so a changed base changes it too.
   * The header comment is left out, so the tag does not depend on how the
   * config path was written.
   */
  readonly tag: string;
}

export interface RenderFamilyOptions {
  /** Command shown in each header for regenerating the files. */
  readonly regenerate: string;
  /** Template folders, searched in order. Default: the repository's `templates/`. */
  readonly templates?: TemplateSet;
}

/** Renders every image of the family in build order. */
export function renderFamily(
  model: FamilyModel,
  options: RenderFamilyOptions,
): RenderedImage[] {
  const templates = options.templates ?? new TemplateSet();
  const tags = new Map<string, string>();
  const rendered: RenderedImage[] = [];

  for (const image of model.images) {
    const dockerfile = renderDockerfile(image, templates, {
      regenerate: options.regenerate,
      tags,
    });
    const contextFiles = image.contextFiles.map((file) => ({
      path: file.path,
      mode: file.mode,
      content: templates.get(`context/${file.template}`)(file.data),
    }));
    const tag = contentTag(dockerfile.text, contextFiles);
    tags.set(image.name, tag);
    rendered.push({
      image,
      dockerfile: { path: image.file, content: dockerfile.text, mode: 0o644 },
      lines: dockerfile.lines,
      contextFiles,
      description: descriptionFile(image, model.registry, tag),
      tag,
    });
  }
  return rendered;
}

/**
 * All files of a rendered family: Dockerfiles, their descriptions and
 * context files, sorted by path.
 */
export function outputFiles(images: readonly RenderedImage[]): OutputFile[] {
  return images
    .flatMap((image) => [
      image.dockerfile,
      image.description,
      ...image.contextFiles,
    ])
    .sort(byPath);
}

/**
 * Hashes the generated inputs of a build: the context files and the
 * Dockerfile without its header comment. The header names the regenerate
 * command, and so the config path as typed.
 */
function contentTag(
  dockerfile: string,
  contextFiles: readonly OutputFile[],
): string {
  const headerEnd = dockerfile.indexOf("\n\n");
  const body = headerEnd === -1 ? dockerfile : dockerfile.slice(headerEnd);
  const hash = createHash("sha256").update(body);
  for (const file of [...contextFiles].sort(byPath)) {
    hash.update(`\0${file.path}\0${file.mode.toString(8)}\0${file.content}`);
  }
  return hash.digest("hex").slice(0, 12);
}

/** Orders files by path, as `Array.prototype.sort` expects. */
function byPath(a: { path: string }, b: { path: string }): number {
  if (a.path === b.path) {
    return 0;
  }
  return a.path < b.path ? -1 : 1;
}
