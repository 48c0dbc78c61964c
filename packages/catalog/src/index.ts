/**
 * The Lzy image family: worker, default user and test user images, each
 * as a rarely rebuilt base and a final image built FROM it.
 */
import { family } from "@lzy-images/dsl";

import { userDefault, userDefaultBase } from "./user-default.js";
import { userTest, userTestBase } from "./user-test.js";
import { worker, workerBase } from "./worker.js";

/** Registry (Docker Hub namespace) the Lzy images are published to. */
export const LZY_REGISTRY = "lzydock";

export const lzyFamily = family({
  registry: LZY_REGISTRY,
  images: [
    workerBase,
    worker,
    userDefaultBase,
    userDefault,
    userTestBase,
    userTest,
  ],
});

export { ALL_ENVS, BASE_REQUIREMENTS, condaLayers } from "./conda.js";
export { DOCKER, DOCKER_COMPOSE, MINICONDA, PYLZY_VERSION } from "./pins.js";
export { published } from "./published.js";
export { userDefault, userDefaultBase } from "./user-default.js";
export { userTest, userTestBase } from "./user-test.js";
export { worker, workerBase } from "./worker.js";
