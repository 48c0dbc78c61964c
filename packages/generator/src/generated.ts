/**
 * Every file `generate` writes for a family, so that `generate` and
 * `check` cannot disagree about what belongs in the output directory.
 */
import type { FamilyModel } from "@lzy-images/dsl";

import { renderBakeFile } from "./bake.js";
import { outputFiles, type OutputFile, type RenderedImage } from "./family.js";
import { renderManifest } from "./manifest.js";
import { renderTagsFile } from "./tags.js";

/**
 * Returns the Dockerfiles and context files of `images`, the tags file,
 * the bake file and the manifest listing them all, sorted by path.
 */
export function generatedFiles(
  model: FamilyModel,
  images: readonly RenderedImage[],
): OutputFile[] {
  const files = [
    ...outputFiles(images),
    renderTagsFile(model, images),
    renderBakeFile(model, images),
  ];
  const all = [...files, renderManifest(files)];
  // Paths are unique, so two files never compare equal.
  return all.sort((a, b) => (a.path < b.path ? -1 : 1));
}
