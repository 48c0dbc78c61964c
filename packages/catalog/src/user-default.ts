/**
 * The default user images: GPU user space, media libraries and one conda env
 * per Python version, with pylzy in each. Users build their images FROM
 * `user-default`.
 */
import { aptPackages, cudaImage, image, locale, pylzy } from "@lzy-images/dsl";

import { ALL_ENVS, condaLayers } from "./conda.js";
import { PYLZY_VERSION } from "./pins.js";

const SOURCE = "packages/catalog/src/user-default.ts";

/** CUDA, media libraries and conda envs; rarely rebuilt. */
export const userDefaultBase = image({
  name: "user-default-base",
  file: "UserDefault.Base.Dockerfile",
  description:
    "Lzy default user image base: CUDA, media libraries, conda envs.",
  source: SOURCE,
  from: cudaImage({
    cuda: "11.2.2",
    cudnn: 8,
    flavour: "devel",
    os: "ubuntu20.04",
  }),
  layers: [
    // ca-certificates: the Miniconda installer is downloaded over https.
    aptPackages({
      packages: [
        "ca-certificates",
        "wget",
        "locales",
        "sox",
        "libsndfile1",
        "ffmpeg",
        "libgomp1",
      ],
    }),
    locale({ name: "en_US.UTF-8" }),
    ...condaLayers(ALL_ENVS),
  ],
});

/** pylzy in every env; rebuilt for every pylzy release. */
export const userDefault = image({
  name: "user-default",
  file: "UserDefault.Dockerfile",
  description:
    "Lzy default user image: pylzy in every conda env. Extend it FROM here.",
  source: SOURCE,
  from: userDefaultBase,
  layers: [pylzy({ version: PYLZY_VERSION })],
});
