/**
 * nvidia-container-toolkit: adds NVIDIA's apt repository for the container
 * toolkit (`libnvidia-container`). The repository key is downloaded, checked
 * against its pinned OpenPGP fingerprint, de-armored into a keyring under
 * /usr/share/keyrings and referenced with `signed-by` (no `apt-key`). The
 * source line is written here rather than downloaded, so nothing unchecked
 * reaches apt's configuration. Install `nvidia-container-toolkit` with a
 * later apt-packages layer.
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

/** Path of the armored key between download and check. */
const DOWNLOADED_KEY = "/tmp/nvidia-container-toolkit.asc";

export const NvidiaContainerToolkitOptions = z.strictObject({
  /** Armored OpenPGP key of the repository. */
  keyUrl: HttpsUrl.default(
    "https://nvidia.github.io/libnvidia-container/gpgkey",
  ),
  /**
   * Fingerprint of the repository key's primary key. The key file itself is
   * re-published when NVIDIA extends its expiry, so the fingerprint, not a
   * file digest, identifies it. Default: NVIDIA's "Open Source Projects"
   * key, as pinned by puppet `apt::key` resources and install scripts.
   */
  keyFingerprint: z
    .string()
    .regex(
      /^[0-9A-F]{40}$/,
      "invalid fingerprint: expected 40 uppercase hex digits",
    )
    .default("C95B321B61E88C1809C4F759DDCAE044F796ECB0"),
  /** Repository root; apt replaces `$(ARCH)` with the package architecture. */
  repository: HttpsUrl.default(
    "https://nvidia.github.io/libnvidia-container/stable/deb",
  ),
  /** Path of the de-armored key, which apt reads through `signed-by`. */
  keyring: ImagePath.default(
    "/usr/share/keyrings/nvidia-container-toolkit-keyring.gpg",
  ),
});

export type NvidiaContainerToolkitOptions = z.input<
  typeof NvidiaContainerToolkitOptions
>;

export const nvidiaContainerToolkitBlock = defineBlock({
  name: "nvidia-container-toolkit",
  needsRoot: true,
  schema: NvidiaContainerToolkitOptions,
  apply(options, context) {
    ensureNoninteractiveApt(context);
    const listFile = "/etc/apt/sources.list.d/nvidia-container-toolkit.list";
    const source = `deb [signed-by=${options.keyring}] ${options.repository}/$(ARCH) /`;
    // The first `fpr` record of `--show-keys` is the primary key's; awk
    // fails the step with a message when it differs from the pinned one.
    const checkFingerprint = [
      `gpg --batch --show-keys --with-colons ${DOWNLOADED_KEY}`,
      `awk -F: -v want=${options.keyFingerprint} '$1 == "fpr" { found = ($10 == want); exit }`,
      `END { if (!found) print "NVIDIA repository key does not have fingerprint " want > "/dev/stderr"; exit !found }'`,
    ];

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
          shellCommand("curl", "-fsSL", "-o", DOWNLOADED_KEY, options.keyUrl),
          `${checkFingerprint[0]} | ${checkFingerprint[1]}\n        ${checkFingerprint[2]}`,
          shellCommand(
            "gpg",
            "--batch",
            "--dearmor",
            "-o",
            options.keyring,
            DOWNLOADED_KEY,
          ),
          // apt's unprivileged fetcher reads the keyring: 0644, or NO_PUBKEY.
          shellCommand("chmod", "0644", options.keyring),
          // Double quotes with `\$` keep apt's `$(ARCH)` literal; shellcheck
          // would flag the same text in single quotes as a missed expansion.
          `echo "${source.replace(/[\\"$`]/g, "\\$&")}" > ${listFile}`,
          shellCommand("rm", "-rf", DOWNLOADED_KEY, "/root/.gnupg"),
          "rm -rf /var/lib/apt/lists/*",
        ],
      },
      {
        comments: [
          "NVIDIA container toolkit repository: key checked by fingerprint, bound by signed-by.",
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
