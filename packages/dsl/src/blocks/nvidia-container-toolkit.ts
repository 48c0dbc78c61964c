/**
 * nvidia-container-toolkit: adds NVIDIA's apt repository for the container
 * toolkit (`libnvidia-container`), as NVIDIA's install guide describes: the
 * key de-armored into a keyring under /usr/share/keyrings and referenced
 * with `signed-by` (no `apt-key`). Install `nvidia-container-toolkit` with
 * a later apt-packages layer.
 *
 * @example nvidiaContainerToolkitRepo()
 */
import { z } from "zod";

import { defineBlock, type LayerSpec } from "../model/block.js";
import { shellCommand } from "../quoting/shell.js";
import {
  UNPINNED_APT_REASON,
  ensureNoninteractiveApt,
  recordAptPackages,
} from "./support/apt.js";
import { HttpsUrl, ImagePath } from "./support/schemas.js";

/** Packages the repository setup itself needs: https, curl and gpg. */
const PREREQUISITES = ["ca-certificates", "curl", "gnupg"];

export const NvidiaContainerToolkitOptions = z.strictObject({
  /** Armored GPG key of the repository. */
  keyUrl: HttpsUrl.default(
    "https://nvidia.github.io/libnvidia-container/gpgkey",
  ),
  /** apt list file of the stable repository for Debian-family systems. */
  listUrl: HttpsUrl.default(
    "https://nvidia.github.io/libnvidia-container/stable/deb/nvidia-container-toolkit.list",
  ),
  /** Where the de-armored key is stored; apt reads it through `signed-by`. */
  keyring: ImagePath.default(
    "/usr/share/keyrings/nvidia-container-toolkit-keyring.gpg",
  ),
});

export type NvidiaContainerToolkitOptions = z.input<
  typeof NvidiaContainerToolkitOptions
>;

export const nvidiaContainerToolkitBlock = defineBlock({
  name: "nvidia-container-toolkit",
  schema: NvidiaContainerToolkitOptions,
  apply(options, context) {
    ensureNoninteractiveApt(context);
    const listFile = "/etc/apt/sources.list.d/nvidia-container-toolkit.list";
    const signedBy = `s#deb https://#deb [signed-by=${options.keyring}] https://#g`;

    context.emit(
      {
        kind: "RUN",
        commands: [
          "apt-get update",
          shellCommand(
            "apt-get",
            "install",
            "-y",
            "--no-install-recommends",
            ...PREREQUISITES,
          ),
          `${shellCommand("curl", "-fsSL", options.keyUrl)} | ${shellCommand("gpg", "--dearmor", "-o", options.keyring)}`,
          // apt's unprivileged fetcher reads the keyring: 0644, or NO_PUBKEY.
          shellCommand("chmod", "0644", options.keyring),
          `${shellCommand("curl", "-fsSL", options.listUrl)} | ${shellCommand("sed", signedBy)} > ${listFile}`,
          "rm -rf /var/lib/apt/lists/*",
        ],
      },
      {
        comments: [
          "NVIDIA container toolkit repository, key pinned to the repository by signed-by.",
        ],
        waiver: { codes: ["DL3008"], reason: UNPINNED_APT_REASON },
      },
    );
    recordAptPackages(context, PREREQUISITES);
  },
});

/** Adds NVIDIA's container toolkit apt repository. */
export function nvidiaContainerToolkitRepo(
  options: NvidiaContainerToolkitOptions = {},
): LayerSpec<"nvidia-container-toolkit", NvidiaContainerToolkitOptions> {
  return { block: "nvidia-container-toolkit", options };
}
