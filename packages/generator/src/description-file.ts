/**
 * The description JSON written beside each Dockerfile: what the image
 * provides and its content tag, for users who extend the published image
 * with `extend(describe(json), …)`.
 */
import { describeState, type ImageModel } from "@lzy-images/dsl";

import type { OutputFile } from "./family.js";

/**
 * Returns the description file of an image: `UserDefault.Dockerfile` gets
 * `UserDefault.json`, and any other file name gets `.json` appended.
 */
export function descriptionFile(
  image: ImageModel,
  registry: string,
  tag: string,
): OutputFile {
  const description = {
    ...describeState(image.name, registry, image.state),
    tag,
  };
  return {
    path: descriptionPath(image.file),
    content: `${JSON.stringify(description, null, 2)}\n`,
    mode: 0o644,
  };
}

/** Path of the description file of the Dockerfile at `dockerfile`. */
export function descriptionPath(dockerfile: string): string {
  return dockerfile.endsWith(".Dockerfile")
    ? `${dockerfile.slice(0, -".Dockerfile".length)}.json`
    : `${dockerfile}.json`;
}
