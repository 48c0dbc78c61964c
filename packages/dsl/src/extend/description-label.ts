/**
 * The `LABEL` that records an image's description in the image itself, so
 * that `docker inspect` of a pulled image gives what `describe()` reads.
 */
import type { Instruction } from "../model/instruction.js";
import type { ImageState } from "../model/image-state.js";
import { DESCRIPTION_LABEL, describeState } from "./description.js";

/**
 * Returns the label instruction for an image's final state. The JSON has
 * sorted keys and no tag, so the same spec always gives the same text.
 */
export function descriptionLabel(
  image: string,
  registry: string,
  state: ImageState,
): Instruction {
  const description = describeState(image, registry, state);
  return {
    kind: "LABEL",
    labels: [{ name: DESCRIPTION_LABEL, value: labelJson(description) }],
    comments: [
      "What this image provides, for images built FROM it: read it with",
      `docker inspect --format '{{ index .Config.Labels "${DESCRIPTION_LABEL}" }}' IMAGE`,
    ],
    source: { image, block: "image-description", path: "description" },
  };
}

/**
 * JSON text of the description with `'` written as `\u0027`, which JSON
 * readers decode back. hadolint 2.15.1 cannot parse a LABEL value that
 * holds both `'` and `"`, and the JSON always holds `"`.
 */
function labelJson(description: unknown): string {
  return JSON.stringify(description).replaceAll("'", "\\u0027");
}
