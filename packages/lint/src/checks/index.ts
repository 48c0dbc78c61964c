/** The built-in checks: rules about the model that hadolint cannot see. */
import type { FamilyModel, ImageModel } from "@lzy-images/dsl";

import type { ModelCheck, ModelFinding } from "./check.js";
import { condaActivate } from "./conda-activate.js";
import { copySources } from "./copy-sources.js";
import { secretNames } from "./secret-names.js";
import { undeclaredVariables } from "./undeclared-variables.js";

export const BUILT_IN_CHECKS: readonly ModelCheck[] = [
  undeclaredVariables,
  secretNames,
  condaActivate,
  copySources,
];

/** Runs every built-in check on one image of `family`. */
export function checkImage(
  image: ImageModel,
  family: FamilyModel,
): ModelFinding[] {
  return BUILT_IN_CHECKS.flatMap((check) =>
    check.run(image, family).map((finding) => ({
      ...finding,
      code: check.code,
      level: check.level,
    })),
  );
}

export type { ModelCheck, ModelFinding } from "./check.js";
export { looksLikeSecret } from "./secret-names.js";
export { assignedVariables, expandedVariables } from "./shell-variables.js";
