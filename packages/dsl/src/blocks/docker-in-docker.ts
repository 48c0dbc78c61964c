/**
 * docker-in-docker: the static Docker binaries and docker-compose, each
 * checked by sha256 per architecture, a `modprobe` wrapper that tolerates
 * a container without kernel module tools, and a volume for Docker's data
 * root so that the inner daemon does not run overlay on overlay.
 *
 * The container must run with `--privileged` for the inner daemon to start.
 *
 * @example dockerInDocker({ docker: { version: "20.10.9", sha256: { x86_64: "…" } } })
 */
import { z } from "zod";

import { defineBlock, type LayerSpec } from "../model/block.js";
import { shellCommand } from "../quoting/shell.js";
import { requireAptPackages, requireDebianFamily } from "./support/apt.js";
import {
  downloader,
  fetchCommand,
  selectByArch,
  verifyCommand,
  type ArchDownload,
  type UnameArch,
} from "./support/download.js";
import { ImagePath, Sha256, Version } from "./support/schemas.js";

/** Docker's static-binary folders, keyed by the `uname -m` they serve. */
const DOCKER_ARCH: Readonly<Record<string, UnameArch>> = {
  x86_64: "x86_64",
  aarch64: "aarch64",
  armhf: "armv7l",
  armel: "armv6l",
};

/** Where dockerd keeps images and containers unless configured otherwise. */
const DEFAULT_DATA_ROOT = "/var/lib/docker";

const DockerOptions = z.strictObject({
  /** Release of the static binaries, such as `20.10.9`. */
  version: Version,
  /** Release channel on download.docker.com. Default `stable`. */
  channel: z.enum(["stable", "test"]).default("stable"),
  /**
   * sha256 of `docker-<version>.tgz` per Docker architecture folder. An
   * architecture without a digest fails the build instead of installing
   * an unchecked download.
   */
  sha256: z
    .strictObject({
      x86_64: Sha256.optional(),
      aarch64: Sha256.optional(),
      armhf: Sha256.optional(),
      armel: Sha256.optional(),
    })
    .refine(
      (digests) => Object.values(digests).some(Boolean),
      "give the sha256 of at least one architecture",
    ),
});

const ComposeOptions = z.strictObject({
  /** docker-compose v1 release, such as `1.29.2`; shipped as one binary. */
  version: Version,
  /** sha256 of `docker-compose-Linux-<uname -m>` per architecture. */
  sha256: z
    .strictObject({ x86_64: Sha256.optional(), aarch64: Sha256.optional() })
    .refine(
      (digests) => Object.values(digests).some(Boolean),
      "give the sha256 of at least one architecture",
    ),
});

export const DockerInDockerOptions = z.strictObject({
  docker: DockerOptions,
  /** docker-compose to install next to Docker; omit to skip it. */
  compose: ComposeOptions.optional(),
  /**
   * Docker's data root, declared as a volume and, when not the default
   * `/var/lib/docker`, set as `data-root` in `/etc/docker/daemon.json`.
   */
  dataRoot: ImagePath.default(DEFAULT_DATA_ROOT),
});

export type DockerInDockerOptions = z.input<typeof DockerInDockerOptions>;

export const dockerInDockerBlock = defineBlock({
  name: "docker-in-docker",
  needsRoot: true,
  schema: DockerInDockerOptions,
  label: (options) => options.docker.version,
  apply(options, context) {
    // The static binaries, the modprobe wrapper and the iptables package
    // are only set up and tested on Debian-family images.
    requireDebianFamily(context, "docker-in-docker", true);
    // The inner daemon sets up NAT for its bridge network with iptables.
    requireAptPackages(context, ["iptables"], "docker-in-docker");
    const tool = downloader(context, "docker-in-docker");
    if (tool === undefined) {
      return;
    }

    const { docker } = options;
    const dockerDownloads: ArchDownload[] = Object.entries(
      docker.sha256,
    ).flatMap(([folder, sha256]) =>
      sha256
        ? [
            {
              uname: DOCKER_ARCH[folder]!,
              url: `https://download.docker.com/linux/static/${docker.channel}/${folder}/docker-${docker.version}.tgz`,
              sha256,
            },
          ]
        : [],
    );
    context.emit(
      {
        kind: "RUN",
        commands: [
          selectByArch(`Docker ${docker.version}`, dockerDownloads),
          fetchCommand(tool, "$url", "/tmp/docker.tgz"),
          verifyCommand("/tmp/docker.tgz"),
          "tar -xzf /tmp/docker.tgz --strip-components=1 -C /usr/local/bin",
          "rm /tmp/docker.tgz",
          "dockerd --version",
          "docker --version",
        ],
      },
      {
        comments: [
          `Static Docker ${docker.version} binaries, checked by sha256.`,
        ],
      },
    );

    if (options.compose) {
      const { compose } = options;
      const composeDownloads: ArchDownload[] = Object.entries(
        compose.sha256,
      ).flatMap(([arch, sha256]) =>
        sha256
          ? [
              {
                uname: arch as UnameArch,
                url: `https://github.com/docker/compose/releases/download/${compose.version}/docker-compose-Linux-${arch}`,
                sha256,
              },
            ]
          : [],
      );
      context.emit({
        kind: "RUN",
        commands: [
          selectByArch(`docker-compose ${compose.version}`, composeDownloads),
          fetchCommand(tool, "$url", "/usr/local/bin/docker-compose"),
          verifyCommand("/usr/local/bin/docker-compose"),
          "chmod 0755 /usr/local/bin/docker-compose",
          "docker-compose --version",
        ],
      });
    }

    const wrapper = context.contextFile({
      name: "modprobe",
      mode: 0o755,
      template: "docker-in-docker/modprobe.sh",
      data: {},
    });
    context.emit(
      {
        kind: "COPY",
        sources: [wrapper],
        dest: "/usr/local/bin/modprobe",
        chmod: "0755",
      },
      {
        comments: [
          "dockerd calls modprobe, which containers usually lack; the wrapper tolerates that.",
        ],
      },
    );
    if (options.dataRoot !== DEFAULT_DATA_ROOT) {
      // dockerd reads this file at start, whatever starts it.
      const config = JSON.stringify({ "data-root": options.dataRoot });
      context.emit(
        {
          kind: "RUN",
          commands: [
            "mkdir -p /etc/docker",
            `printf '%s\\n' ${shellCommand(config)} > /etc/docker/daemon.json`,
          ],
        },
        { comments: [`dockerd keeps its data in ${options.dataRoot}.`] },
      );
    }
    context.emit(
      { kind: "VOLUME", paths: [options.dataRoot] },
      {
        comments: [
          "Inner Docker data on a volume, not on the image's overlay filesystem.",
          "Run the container with --privileged so that the inner daemon can start.",
        ],
      },
    );
  },
});

/** Installs Docker and docker-compose for docker-in-docker. */
export function dockerInDocker(
  options: DockerInDockerOptions,
): LayerSpec<"docker-in-docker", DockerInDockerOptions> {
  return { block: "docker-in-docker", options };
}
