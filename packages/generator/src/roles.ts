/**
 * The role of each image in its family, read from the shape of the image
 * graph: bake groups and the Mermaid graph both sort images by it.
 */
import type { FamilyModel, ImageModel } from "@lzy-images/dsl";

/**
 * - `base`: built FROM an external image, and other family images are
 *   built FROM it (rarely rebuilt).
 * - `final`: built FROM a base of the family.
 * - `user`: anything else: built FROM a final image, or FROM an external
 *   image with nothing built FROM it, such as an extension of a published
 *   image referred to by its registry reference.
 */
export type ImageRole = "base" | "final" | "user";

/** Returns the role of every image of the family, by image name. */
export function imageRoles(model: FamilyModel): Map<string, ImageRole> {
  const byName = new Map(model.images.map((image) => [image.name, image]));
  const hasChildren = new Set(
    model.images.flatMap((image) =>
      image.base.kind === "family" ? [image.base.name] : [],
    ),
  );

  const roles = new Map<string, ImageRole>();
  for (const image of model.images) {
    const depth = depthOf(image, byName);
    if (depth === 0 && hasChildren.has(image.name)) {
      roles.set(image.name, "base");
    } else if (depth === 1) {
      roles.set(image.name, "final");
    } else {
      roles.set(image.name, "user");
    }
  }
  return roles;
}

/** Number of family images below `image`: 0 when its base is external. */
function depthOf(
  image: ImageModel,
  byName: ReadonlyMap<string, ImageModel>,
): number {
  let depth = 0;
  let current = image;
  while (current.base.kind === "family") {
    const base = byName.get(current.base.name);
    if (base === undefined) {
      break;
    }
    depth += 1;
    current = base;
  }
  return depth;
}
