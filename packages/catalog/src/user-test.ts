/**
 * The test user images: a light image without GPU libraries and with a
 * single env, `py39`, used by Lzy's tests.
 */
import { aptPackages, external, image, locale, pylzy } from "@lzy-images/dsl";

import { condaLayers } from "./conda.js";
import { PYLZY_VERSION } from "./pins.js";

const SOURCE = "packages/catalog/src/user-test.ts";

/** Ubuntu 16.04 with conda and the `py39` env; rarely rebuilt. */
export const userTestBase = image({
  name: "user-test-base",
  file: "UserTest.Base.Dockerfile",
  description: "Lzy test user image base: no GPU, one conda env py39.",
  source: SOURCE,
  from: external("ubuntu:xenial"),
  layers: [
    // ca-certificates: the Miniconda installer is downloaded over https.
    aptPackages({ packages: ["ca-certificates", "wget", "locales"] }),
    ...condaLayers([{ name: "py39", python: "3.9.7" }]),
    locale({ name: "en_US.UTF-8" }),
  ],
});

/** pylzy in `py39`; rebuilt for every pylzy release. */
export const userTest = image({
  name: "user-test",
  file: "UserTest.Dockerfile",
  description: "Lzy test user image: pylzy in the py39 env.",
  source: SOURCE,
  from: userTestBase,
  layers: [pylzy({ version: PYLZY_VERSION })],
});
