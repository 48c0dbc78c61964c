/**
 * Typed descriptions of the Lzy images that users build FROM. Their env
 * names are literal types, so `extend()` rejects an env these images do
 * not have at compile time.
 */
import { describeFamilyImage } from "@lzy-images/dsl";

import { ALL_ENVS } from "./conda.js";
// index.ts re-exports this module, so the family is read in getters, after
// both modules have run.
import { lzyFamily } from "./index.js";

const ALL_ENV_NAMES = ALL_ENVS.map((env) => env.name);

/** The published images that users extend, by their name in TypeScript. */
export const published = {
  /** `user-default`: CUDA, media libraries, envs default, py38 and py39. */
  get userDefault() {
    return describeFamilyImage(lzyFamily, "user-default", ALL_ENV_NAMES);
  },
  /** `user-test`: Ubuntu 16.04 without GPU libraries, env py39. */
  get userTest() {
    return describeFamilyImage(lzyFamily, "user-test", ["py39"]);
  },
};
