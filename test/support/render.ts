/**
 * Renders families in memory for tests, the same way `generate` does.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { lzyFamily } from "@lzy-images/catalog";
import { buildFamily, type FamilySpec } from "@lzy-images/dsl";
import {
  outputFiles,
  renderFamily,
  type RenderedImage,
} from "@lzy-images/generator";

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Renders a family; the header names `pnpm run generate` like the CLI's. */
export function render(spec: FamilySpec = lzyFamily): RenderedImage[] {
  return renderFamily(buildFamily(spec), { regenerate: "pnpm run generate" });
}

/** Renders a family and returns its output files by path. */
export function renderFiles(spec: FamilySpec = lzyFamily): Map<string, string> {
  return new Map(
    outputFiles(render(spec)).map((file) => [file.path, file.content]),
  );
}

/** Renders the catalog and returns the Dockerfile of image `name`. */
export function catalogDockerfile(name: string): string {
  const image = render().find((candidate) => candidate.image.name === name);
  if (image === undefined) {
    throw new Error(`no catalog image named ${name}`);
  }
  return image.dockerfile.content;
}

/** Reads a file of the repository. */
export function readRepoFile(path: string): string {
  return readFileSync(new URL(path, `file://${REPO_ROOT}`), "utf8");
}
