/**
 * The worker images. The worker runs Lzy tasks either in an inner Docker
 * container started from a user's image (docker-in-docker) or, without a
 * custom environment, in one of its own conda envs.
 */
import {
  aptPackages,
  condaEnvExport,
  contextScript,
  copyFiles,
  cudaImage,
  directories,
  dockerInDocker,
  entrypoint,
  image,
  javaJdk,
  locale,
  nvidiaContainerToolkitRepo,
  pylzy,
} from "@lzy-images/dsl";

import { ALL_ENVS, condaLayers } from "./conda.js";
import { DOCKER, DOCKER_COMPOSE, PYLZY_VERSION } from "./pins.js";

const SOURCE = "packages/catalog/src/worker.ts";

/** System dependencies, GPU user space, Java, Docker and conda; rarely rebuilt. */
export const workerBase = image({
  name: "worker-base",
  file: "Worker.Base.Dockerfile",
  description:
    "Lzy worker base: CUDA, Java, Docker for docker-in-docker, conda envs.",
  source: SOURCE,
  from: cudaImage({
    cuda: "11.2.2",
    cudnn: 8,
    flavour: "devel",
    os: "ubuntu20.04",
  }),
  layers: [
    aptPackages({
      packages: [
        "fuse",
        "lsof",
        "procps",
        "curl",
        "bash",
        "tar",
        "wget",
        "locales",
      ],
    }),
    nvidiaContainerToolkitRepo(),
    aptPackages({
      packages: [
        "ca-certificates",
        "openssh-client",
        "iptables",
        "nvidia-container-toolkit",
        "sox",
        "libsndfile1",
        "ffmpeg",
        "libgomp1",
        "jq",
      ],
    }),
    locale({ name: "en_US.UTF-8" }),
    dockerInDocker({
      docker: { version: DOCKER.version, sha256: { ...DOCKER.sha256 } },
      compose: {
        version: DOCKER_COMPOSE.version,
        sha256: { ...DOCKER_COMPOSE.sha256 },
      },
    }),
    javaJdk({ version: 17 }),
    ...condaLayers(ALL_ENVS),
  ],
});

/** The worker application and pylzy; rebuilt for every worker or pylzy release. */
export const worker = image({
  name: "worker",
  file: "Worker.Dockerfile",
  description: "Lzy worker: the worker jar, and pylzy in every conda env.",
  source: SOURCE,
  from: workerBase,
  layers: [
    directories({
      paths: ["/tmp/lzy-log/worker", "/tmp/resources", "/tmp/local_modules"],
    }),
    pylzy({ version: PYLZY_VERSION }),
    condaEnvExport({ file: "conda-desc.yaml" }),
    copyFiles({ sources: ["inputs/worker/app.jar"], dest: "/app/app.jar" }),
    copyFiles({
      sources: ["inputs/worker/resources"],
      dest: "/app/resources",
      mode: "0700",
    }),
    contextScript({
      name: "entrypoint.sh",
      template: "lzy/worker-entrypoint.sh",
      dest: "/entrypoint.sh",
      data: {
        startDocker: true,
        dockerdTimeoutSeconds: 60,
        jar: "/app/app.jar",
        javaOptions: [
          "-Xmx4G",
          "-Dsun.jnu.encoding=UTF-8",
          "-Dfile.encoding=UTF-8",
        ],
      },
    }),
    contextScript({
      name: "test_entrypoint.sh",
      template: "lzy/worker-entrypoint.sh",
      dest: "/test_entrypoint.sh",
      data: {
        startDocker: false,
        dockerdTimeoutSeconds: 0,
        jar: "/app/app.jar",
        javaOptions: [
          "-Xmx4G",
          "-Dsun.jnu.encoding=UTF-8",
          "-Dfile.encoding=UTF-8",
        ],
      },
    }),
    entrypoint({ argv: ["/entrypoint.sh"] }),
  ],
});
