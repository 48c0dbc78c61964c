/**
 * The shape of a built-in check: it reads one image of a validated family
 * model and reports instructions, which are located in the rendered file
 * afterwards.
 */
import type { FamilyModel, ImageModel } from "@lzy-images/dsl";

import type { Level } from "../finding.js";

/** A finding of a built-in check, before it is located in a file. */
export interface ModelFinding {
  /** Index of the instruction in its image's `instructions`. */
  readonly instruction: number;
  readonly code: string;
  readonly level: Level;
  readonly message: string;
}

export interface ModelCheck {
  /** Rule code, such as `LZY001`. */
  readonly code: string;
  readonly level: Level;
  /** One line on what the check reports, for documentation. */
  readonly summary: string;
  /** Returns the findings of the check in `image`, with their messages. */
  run(
    image: ImageModel,
    family: FamilyModel,
  ): Array<{ instruction: number; message: string }>;
}
