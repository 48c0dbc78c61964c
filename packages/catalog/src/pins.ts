/**
 * Pinned versions and published sha256 digests of everything the Lzy
 * images download. Each digest names where it is published; none was
 * computed here.
 */

/**
 * Miniconda installer. 24.3.0-0 is the newest release whose installers
 * still run on glibc older than 2.28 (from 24.11 on they refuse), which
 * `ubuntu:xenial` (glibc 2.23) needs.
 * Digests: pyenv, plugins/python-build/share/python-build/miniconda3-3.12-24.3.0-0
 * (commit 7598d28f87903f556cddcf2a653442b2b01e058b); the x86_64 one also in
 * spack's miniconda3/package.py.
 */
export const MINICONDA = {
  version: "24.3.0-0",
  python: "py312",
  sha256: {
    x86_64: "96a44849ff17e960eeb8877ecd9055246381c4d4f2d031263b63fa7e2e930af1",
    aarch64: "05f70cbc89b6caf84e22db836f7696a16b617992eb23d6102acf7651eb132365",
  },
} as const;

/**
 * Static Docker binaries, docker-20.10.9.tgz per architecture folder.
 * download.docker.com publishes no digests for them, so these come from
 * projects that pin them:
 * - x86_64: garden-io/garden, core/src/plugins/container/container.ts
 *   (commit 0105dad89809614118a6f8c8e126a386a58e9a23);
 * - aarch64: aws/aws-codebuild-docker-images, al2/aarch64/standard/2.0/Dockerfile
 *   (commit 020c2a44daa209a4fcab13d9eec8023616463498);
 * - armhf: ryanwoodsmall/crosware, recipes/docker/dockerstatic.sh at its
 *   20.10.9 revision (one source only).
 */
export const DOCKER = {
  version: "20.10.9",
  sha256: {
    x86_64: "caf74e54b58c0b38bb4d96c8f87665f29b684371c9a325562a3904b8c389995e",
    aarch64: "0259f8b6572f02cf0dafd7388ca0e4adfdbbfaba81cfb1b7443e89fccbed22c7",
    armhf: "5670e2b14edad1f34c7062ee26584afb3fa796f30e42571ca4c552e665d31e6d",
    // TODO: no published sha256 of the armel tgz was found; armel builds fail.
  },
} as const;

/**
 * docker-compose 1.29.2, released for Linux on x86_64 only.
 * Digest: actions/runner-images, images/ubuntu/scripts/build/install-docker-compose.sh
 * (commit 682ab5b343b7a9203ef2774cb46ba5fcb6dd7d0a).
 */
export const DOCKER_COMPOSE = {
  version: "1.29.2",
  sha256: {
    x86_64: "f3f10cf3dbb8107e9ba2ea5f23c1d2159ff7321d16f0a23051d68d8e2547b323",
  },
} as const;

/** pylzy release installed from the source tree in the build context. */
export const PYLZY_VERSION = "1.15.0";
