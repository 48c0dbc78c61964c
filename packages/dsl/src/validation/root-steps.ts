/**
 * Rejects layers that need root after the image switched to another user.
 * The generator does not wrap such a step in `USER 0` and back, because
 * switching back takes the user's numeric ids, which an image description
 * does not record, and because a visible order of layers is easier to
 * review than hidden user switches.
 */
import type { SpecProblem } from "../errors.js";
import type { BlockDefinition } from "../model/block.js";

/** Returns the problem of a layer that needs root but runs as `user`. */
export function rootStepProblem(
  definition: BlockDefinition,
  options: unknown,
  user: string,
  at: { readonly image: string; readonly path: string },
): SpecProblem | undefined {
  if (user === "root") {
    return undefined;
  }
  const needsRoot =
    typeof definition.needsRoot === "function"
      ? definition.needsRoot(options, user)
      : definition.needsRoot === true;
  if (!needsRoot) {
    return undefined;
  }
  return {
    image: at.image,
    path: at.path,
    message: `this ${definition.name} layer needs root, but the image runs as user "${user}" here`,
    hint: `move this layer before the user layer that switches to "${user}"; when the base image runs as "${user}", add the step to that image instead`,
  };
}
